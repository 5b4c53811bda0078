// SPDX-License-Identifier: MIT
// repl.c: the friendly REPL (with paste mode) and the raw REPL (with
// raw-paste mode), byte for byte as PROTOCOLS.md section 1 describes.
//
// Output conventions: prompts and protocol markers are written raw;
// program output goes through the cooked console printer ("\n" ->
// "\r\n"). Every entry into a mode prints that mode's banner.
#include <string.h>

#include "repl.h"
#include "exec.h"
#include "gc.h"
#include "hal.h"
#include "mod_micropython.h"
#include "obj_list.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"
#include "readline.h"
#include "state.h"
#include "vstr.h"

static void out(const char *s) {
  rt_print_raw(s, strlen(s));
}
static void outn(const char *s, size_t n) {
  rt_print_raw(s, n);
}

bool rt_repl_continue(const char *s, size_t n) {
  // Does it start with a compound-statement keyword (or a decorator)?
  static const char *const words[] = {"if", "while", "for", "try", "with", "def", "class", "async"};
  bool compound = n > 0 && s[0] == '@';
  for (size_t i = 0; i < sizeof words / sizeof words[0] && !compound; i++) {
    size_t l = strlen(words[i]);
    if (n >= l && memcmp(s, words[i], l) == 0 &&
        (n == l || !(s[l] == '_' || (s[l] >= 'a' && s[l] <= 'z') || (s[l] >= 'A' && s[l] <= 'Z') ||
                     (s[l] >= '0' && s[l] <= '9'))))
      compound = true;
  }
  int depth = 0;
  char quote = 0;
  bool triple = false;
  // A first line ending in ':' (outside brackets, before any comment) opens
  // a block whatever its keyword: match/case are soft keywords, so
  // "match(x)" is a call and "match x:" a statement.
  char last = 0;
  bool first_line = true;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (first_line && !quote && depth == 0 && c == '\n') {
      first_line = false;
      if (last == ':') compound = true;
    }
    if (first_line && !quote && c != ' ' && c != '\t' && c != '\r' && c != '#') last = c;
    if (quote) {
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        if (!triple) {
          quote = 0;
        } else if (i + 2 < n && s[i + 1] == quote && s[i + 2] == quote) {
          quote = 0;
          i += 2;
        }
      } else if (c == '\n' && !triple) {
        quote = 0;
      }
      continue;
    }
    if (c == '#') {
      while (i + 1 < n && s[i + 1] != '\n') // up to the newline, seen next
        i++;
    } else if (c == '\'' || c == '"') {
      quote = c;
      triple = i + 2 < n && s[i + 1] == c && s[i + 2] == c;
      if (triple) i += 2;
    } else if (c == '(' || c == '[' || c == '{') {
      depth++;
    } else if (c == ')' || c == ']' || c == '}') {
      depth--;
    }
  }
  if (first_line && depth == 0 && last == ':') compound = true;
  if (quote && triple) return true;
  if (depth > 0) return true;
  if (n > 0 && s[n - 1] == '\\') return true;
  return compound && !(n > 0 && s[n - 1] == '\n');
}

// The auto-indent for the line after [code]: 4 spaces per indent level
// of the previous line, one more after a ':'; none after two lines of
// spaces only.
static size_t auto_indent(const char *code, size_t n) {
  size_t end = n, start = n;
  while (start > 0 && code[start - 1] != '\n')
    start--;
  const char *prev = code + start;
  size_t plen = end - start, lead = 0;
  while (lead < plen && prev[lead] == ' ')
    lead++;
  bool prev_blank = lead == plen;
  if (prev_blank && start > 0) {
    size_t s2 = start - 1;
    while (s2 > 0 && code[s2 - 1] != '\n')
      s2--;
    bool before_blank = true;
    for (size_t i = s2; i < start - 1; i++)
      before_blank &= code[i] == ' ';
    if (before_blank) return 0;
  }
  size_t level = lead / 4;
  size_t e = plen;
  while (e > 0 && prev[e - 1] == ' ')
    e--;
  if (e > 0 && prev[e - 1] == ':') level++;
  return level * 4;
}

// The REPL itself allocates: a heap that a program left locked
// (micropython.heap_lock) is unlocked once the program is over.
static void unlock_heap(void) {
  rt_state->gc_lock_depth = 0;
}

static rt_val_t call_scheduled(rt_val_t a, rt_val_t b) {
  (void)a, (void)b;
  rt_micropython_run_scheduled();
  return RT_NONE;
}

// Runs what micropython.schedule queued and nothing ran yet, with Ctrl-C
// enabled, reporting an exception as a traceback. Returns true on
// SystemExit.
static bool run_scheduled(void) {
  rt_list_t *q = (rt_list_t *)rt_state->sched_queue;
  if (!q || q->len == 0) return false;
  hal_set_interrupt_char(3);
  rt_val_t res;
  bool ok = rt_nlr_try(call_scheduled, RT_NONE, RT_NONE, &res);
  hal_set_interrupt_char(-1);
  rt_state->interrupt = 0;
  return !ok && rt_exec_report(res, NULL) == RT_EXEC_SYSTEM_EXIT;
}

// Runs [n] bytes at [src] in the friendly REPL's way. Returns true on
// SystemExit (which soft-resets).
static bool run_friendly(const char *src, size_t n, rt_compile_mode_t mode) {
  rt_mem_reader_t m;
  rt_reader_t r;
  rt_reader_mem(&r, &m, src, n);
  rt_val_t exc = rt_exec_run(r, RT_QV(_lt_stdin_gt_), mode);
  unlock_heap();
  if (rt_exec_report(exc, NULL) == RT_EXEC_SYSTEM_EXIT) return true;
  return run_scheduled();
}

typedef enum { GO_FRIENDLY, GO_RAW, GO_RESET, GO_EOF } next_t;

// Paste mode: returns after Ctrl-C or Ctrl-D (having run the code).
static next_t paste_mode(void) {
  out("\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ");
  rt_vstr_t buf;
  rt_vstr_init(&buf, 64);
  for (;;) {
    int c = hal_console_read();
    if (c < 0) return GO_EOF;
    if (c == 3) {
      out("\r\n");
      rt_vstr_free(&buf);
      return GO_FRIENDLY;
    }
    if (c == 4) {
      out("\r\n");
      bool exit = run_friendly(buf.buf, buf.len, RT_COMPILE_FILE);
      rt_vstr_free(&buf);
      return exit ? GO_RESET : GO_FRIENDLY;
    }
    char ch = (char)c;
    rt_vstr_addc(&buf, ch);
    if (c == '\r')
      out("\r\n=== ");
    else
      outn(&ch, 1);
  }
}

static next_t friendly_repl(void) {
  rt_print_banner();
  rt_vstr_t code, line;
  for (;;) {
    rt_vstr_init(&code, 64);
    rt_vstr_init(&line, 32);
    int r = rt_readline(&line, ">>> ");
    switch (r) {
    case RT_READLINE_EOF: return GO_EOF;
    case RT_READLINE_CTRL_A: out("\r\n"); return GO_RAW;
    case RT_READLINE_CTRL_B:
      out("\r\n");
      rt_print_banner();
      continue;
    case RT_READLINE_CTRL_C: out("\r\n"); continue;
    case RT_READLINE_CTRL_D: out("\r\n"); return GO_RESET;
    case RT_READLINE_CTRL_E: {
      next_t n = paste_mode();
      if (n != GO_FRIENDLY) return n;
      continue;
    }
    default: break;
    }
    if (line.len == 0) continue;
    rt_vstr_add(&code, line.buf, line.len);
    bool cancelled = false;
    while (rt_repl_continue(code.buf, code.len)) {
      line.len = 0;
      size_t ind = auto_indent(code.buf, code.len);
      for (size_t i = 0; i < ind; i++)
        rt_vstr_addc(&line, ' ');
      r = rt_readline(&line, "... ");
      if (r == RT_READLINE_EOF) return GO_EOF;
      if (r == RT_READLINE_CTRL_C) {
        out("\r\n");
        cancelled = true;
        break;
      }
      if (r == RT_READLINE_CTRL_D) {
        // Ends the compound statement: run what we have.
        out("\r\n");
        break;
      }
      if (r != RT_READLINE_OK) {
        // Ctrl-A/B/E mean nothing inside a statement: a fresh "... " line.
        out("\r\n");
        continue;
      }
      rt_vstr_addc(&code, '\n');
      rt_vstr_add(&code, line.buf, line.len);
    }
    rt_vstr_free(&line);
    if (cancelled) continue;
    if (run_friendly(code.buf, code.len, RT_COMPILE_SINGLE)) return GO_RESET;
    rt_vstr_free(&code);
  }
}

// ---- raw REPL ----

// The raw-paste reader: counts consumed bytes and grants a new window
// each RT_RAW_PASTE_WINDOW bytes; Ctrl-D or Ctrl-C ends the data and is
// acknowledged with "\x04".
typedef struct {
  int window_left;
  bool ended;
  bool interrupted;
} paste_reader_t;

static int paste_read(void *ctx) {
  paste_reader_t *p = ctx;
  if (p->ended) return -1;
  int c = hal_console_read();
  if (c < 0 || c == 4 || c == 3) {
    p->ended = true;
    p->interrupted = c == 3;
    if (c >= 0) outn("\x04", 1);
    return -1;
  }
  if (--p->window_left == 0) {
    outn("\x01", 1);
    p->window_left = RT_RAW_PASTE_WINDOW;
  }
  return c;
}

// Runs one raw-paste exchange after "\x05A\x01". Returns true on SystemExit.
static bool raw_paste(void) {
  static const char hello[] = {'R', 1, (char)(RT_RAW_PASTE_WINDOW & 0xff), (char)(RT_RAW_PASTE_WINDOW >> 8),
                               1};
  outn(hello, sizeof hello);
  paste_reader_t pr = {RT_RAW_PASTE_WINDOW, false, false};
  rt_reader_t r = {paste_read, &pr};
  rt_val_t exc = rt_exec_run(r, RT_QV(_lt_stdin_gt_), RT_COMPILE_FILE);
  unlock_heap();
  if (!pr.ended) {
    // Compilation stopped early: tell the host, then drop its remaining data.
    outn("\x04", 1);
    for (;;) {
      int c = hal_console_read();
      if (c < 0 || c == 3 || c == 4) break;
    }
  }
  outn("\x04", 1);
  rt_exec_status_t st = rt_exec_report(exc, NULL);
  outn("\x04", 1);
  return st == RT_EXEC_SYSTEM_EXIT;
}

static next_t raw_repl(void) {
  out("raw REPL; CTRL-B to exit\r\n");
  rt_vstr_t buf;
  for (;;) {
    out(">");
    rt_vstr_init(&buf, 64);
    for (;;) {
      int c = hal_console_read();
      if (c < 0) return GO_EOF;
      if (c == 1) {
        if (buf.len == 2 && buf.buf[0] == 5) {
          if (buf.buf[1] == 'A') {
            rt_vstr_free(&buf);
            if (raw_paste()) return GO_RESET;
            break; // prints ">" again
          }
          outn("R\x00", 2);
          buf.len = 0;
          continue;
        }
        out("raw REPL; CTRL-B to exit\r\n");
        rt_vstr_free(&buf);
        break;
      }
      if (c == 2) {
        out("\r\n");
        return GO_FRIENDLY;
      }
      if (c == 3) {
        buf.len = 0;
        continue;
      }
      if (c == 4) {
        if (buf.len == 0) {
          out("OK\r\n");
          return GO_RESET;
        }
        out("OK");
        rt_mem_reader_t m;
        rt_reader_t r;
        rt_reader_mem(&r, &m, buf.buf, buf.len);
        rt_val_t exc = rt_exec_run(r, RT_QV(_lt_stdin_gt_), RT_COMPILE_FILE);
        unlock_heap();
        outn("\x04", 1);
        rt_exec_status_t st = rt_exec_report(exc, NULL);
        outn("\x04", 1);
        rt_vstr_free(&buf);
        if (st == RT_EXEC_SYSTEM_EXIT) return GO_RESET;
        break;
      }
      rt_vstr_addc(&buf, (char)c);
    }
  }
}

rt_repl_result_t rt_repl(rt_repl_mode_t *mode) {
  void *here = __builtin_frame_address(0), *saved = rt_state->stack_base;
  if (!saved || (uintptr_t)here > (uintptr_t)saved) rt_state->stack_base = here;
  rt_repl_result_t result;
  for (;;) {
    next_t next = GO_EOF;
    rt_nlr_t nlr;
    rt_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
      next = *mode == RT_REPL_RAW ? raw_repl() : friendly_repl();
      rt_nlr_pop(&nlr);
    } else {
      // MemoryError (or an interrupt) in the REPL machinery itself: report
      // it and start the current mode again.
      rt_exec_report(nlr.exc, NULL);
      continue;
    }
    if (next == GO_RAW) {
      *mode = RT_REPL_RAW;
      continue;
    }
    if (next == GO_FRIENDLY) {
      *mode = RT_REPL_FRIENDLY;
      continue;
    }
    result = next == GO_RESET ? RT_REPL_SOFT_RESET : RT_REPL_EOF;
    break;
  }
  rt_state->stack_base = saved;
  return result;
}
