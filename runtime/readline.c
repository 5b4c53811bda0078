// SPDX-License-Identifier: MIT
// readline.c: the line editor.
//
// A "\r\n" or "\n\r" pair counts as one newline: a newline byte that
// differs from the one that ended the previous line, and comes first on
// the new line, is swallowed (rt_state->rl_last_nl remembers it).
#include <string.h>

#include "readline.h"
#include "hal.h"
#include "print.h"
#include "state.h"

static void out(const char *s) {
  rt_print_raw(s, strlen(s));
}

int rt_readline(rt_vstr_t *line, const char *prompt) {
  out(prompt);
  if (line->len) rt_print_raw(line->buf, line->len);
  bool first = true;
  for (;;) {
    int c = hal_console_read();
    if (c < 0) return RT_READLINE_EOF;
    if (first && (c == '\r' || c == '\n') && rt_state->rl_last_nl && c != rt_state->rl_last_nl) {
      rt_state->rl_last_nl = 0;
      continue;
    }
    first = false;
    rt_state->rl_last_nl = 0;
    if (c == '\r' || c == '\n') {
      rt_state->rl_last_nl = c;
      out("\r\n");
      return RT_READLINE_OK;
    }
    if (c == 3) return RT_READLINE_CTRL_C;
    if (c == 1 || c == 2 || c == 4 || c == 5) {
      if (line->len == 0) return c;
      continue; // home/end and friends: not supported yet
    }
    if (c == 8 || c == 127) {
      if (line->len == 0) continue;
      size_t k = 1;
      // Backspace over at least 4 leading spaces removes 4.
      bool all_spaces = true;
      for (size_t i = 0; i < line->len; i++)
        all_spaces &= line->buf[i] == ' ';
      if (all_spaces && line->len >= 4) k = 4;
      line->len -= k;
      line->buf[line->len] = 0;
      for (size_t i = 0; i < k; i++)
        out("\b \b");
      continue;
    }
    if (c == 27) {
      // Escape sequence: ESC [ x, ESC [ n ~, ESC O x. Consumed, ignored.
      int d = hal_console_read();
      if (d == '[' || d == 'O') {
        int e = hal_console_read();
        while (e >= '0' && e <= '9')
          e = hal_console_read();
      }
      continue;
    }
    if (c == 9) {
      // Tab: indentation for now (completion comes later).
      rt_vstr_add(line, "    ", 4);
      out("    ");
      continue;
    }
    if (c >= 32 && c != 127) {
      char ch = (char)c;
      rt_vstr_addc(line, ch);
      rt_print_raw(&ch, 1);
    }
  }
}
