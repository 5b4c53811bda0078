// SPDX-License-Identifier: MIT
// readline.c: the line editor of the friendly REPL.
//
// Invariants while editing: the terminal's cursor sits after the
// characters line->buf[0..cursor) past the prompt, and the terminal shows
// exactly line->buf[0..len) after the prompt. Every edit keeps both true by
// writing the changed tail and stepping back ("\b" for up to 4 columns,
// "ESC [ n D" beyond), and erasing leftover columns with spaces, which any
// terminal understands. The line is UTF-8: the cursor only stops at the
// start of a character, a character takes one column (wide ones are not
// told apart), and a multi-byte character is read whole before it is
// inserted, so the terminal never sees half of one.
//
// A "\r\n" or "\n\r" pair counts as one newline: a newline byte that
// differs from the one that ended the previous line, and comes first on
// the new line, is swallowed (rt_state->rl_last_nl remembers it).
#include <stdio.h>
#include <string.h>

#include "readline.h"
#include "builtins.h"
#include "gc.h"
#include "hal.h"
#include "obj_dict.h"
#include "obj_list.h"
#include "obj_str.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"

// The keys by the byte they arrive as; escape sequences are mapped onto
// the control key with the same meaning, and Delete onto KEY_DELETE.
enum {
  KEY_NONE = 0,
  KEY_CTRL_A = 1, // home
  KEY_CTRL_B = 2, // left
  KEY_CTRL_D = 4, // delete under the cursor
  KEY_CTRL_E = 5, // end
  KEY_CTRL_F = 6, // right
  KEY_BACKSPACE = 8,
  KEY_TAB = 9,
  KEY_CTRL_K = 11, // erase to the end
  KEY_CTRL_N = 14, // history: newer
  KEY_CTRL_P = 16, // history: older
  KEY_CTRL_U = 21, // erase to the start
  KEY_CTRL_W = 23, // erase the word before the cursor
  KEY_ESC = 27,
  KEY_DEL = 127,   // what most terminals send for Backspace
  KEY_DELETE = -2, // ESC [ 3 ~
};

// One editing session: the line, where the cursor is, and what Up/Down
// show.
typedef struct {
  rt_vstr_t *line;
  const char *prompt;
  size_t cursor;
  size_t orig_len; // the auto-indent the line came with
  int hist_pos;    // -1: the line being typed; k: history entry k shown
  int pushed_back; // a byte read too far (ends a malformed UTF-8 character), or -1
} editor_t;

static void out(const char *s, size_t n) {
  rt_print_raw(s, n);
}

static void out_repeat(char c, size_t n) {
  for (size_t i = 0; i < n; i++)
    out(&c, 1);
}

static bool is_continuation(char c) {
  return ((unsigned char)c & 0xC0) == 0x80;
}

// Terminal columns that [n] bytes at [s] take: one per character.
static size_t columns(const char *s, size_t n) {
  size_t cols = 0;
  for (size_t i = 0; i < n; i++)
    cols += !is_continuation(s[i]);
  return cols;
}

// Where the character before / after byte [pos] of the line starts.
static size_t prev_char(const editor_t *e, size_t pos) {
  while (pos > 0 && is_continuation(e->line->buf[--pos])) {
  }
  return pos;
}
static size_t next_char(const editor_t *e, size_t pos) {
  if (pos < e->line->len) pos++;
  while (pos < e->line->len && is_continuation(e->line->buf[pos]))
    pos++;
  return pos;
}

// Moves the terminal cursor [n] columns left.
static void step_left(size_t n) {
  if (n <= 4) {
    out("\b\b\b\b", n);
  } else {
    char seq[24];
    int k = snprintf(seq, sizeof seq, "\x1b[%uD", (unsigned)n);
    out(seq, (size_t)k);
  }
}

// Writes the line from the cursor to its end, blanks [erase] columns
// after it, and brings the terminal cursor back to [e->cursor].
static void redraw_tail(editor_t *e, size_t erase) {
  size_t tail = e->line->len - e->cursor;
  out(e->line->buf + e->cursor, tail);
  out_repeat(' ', erase);
  step_left(columns(e->line->buf + e->cursor, tail) + erase);
}

static void insert(editor_t *e, const char *s, size_t n) {
  rt_vstr_t *l = e->line;
  if (n == 0 || l->len + n > RT_READLINE_MAX) return;
  rt_vstr_reserve(l, n + 1);
  memmove(l->buf + e->cursor + n, l->buf + e->cursor, l->len - e->cursor + 1);
  memcpy(l->buf + e->cursor, s, n);
  l->len += n;
  out(s, n);
  e->cursor += n;
  redraw_tail(e, 0);
}

// Deletes [n] bytes starting at [at], whole characters (the cursor ends
// there).
static void delete_at(editor_t *e, size_t at, size_t n) {
  rt_vstr_t *l = e->line;
  if (n == 0) return;
  if (at < e->cursor) step_left(columns(l->buf + at, e->cursor - at));
  size_t erase = columns(l->buf + at, n);
  memmove(l->buf + at, l->buf + at + n, l->len - at - n + 1);
  l->len -= n;
  e->cursor = at;
  redraw_tail(e, erase);
}

static void move_to(editor_t *e, size_t pos) {
  if (pos < e->cursor) {
    step_left(columns(e->line->buf + pos, e->cursor - pos));
  } else {
    out(e->line->buf + e->cursor, pos - e->cursor);
  }
  e->cursor = pos;
}

// Replaces the whole line with [n] bytes at [s], cursor at the end.
static void replace_line(editor_t *e, const char *s, size_t n) {
  rt_vstr_t *l = e->line;
  size_t old = columns(l->buf, l->len);
  step_left(columns(l->buf, e->cursor));
  l->len = 0;
  rt_vstr_add(l, s, n);
  out(l->buf, l->len);
  e->cursor = l->len;
  size_t now = columns(l->buf, l->len);
  if (old > now) {
    out_repeat(' ', old - now);
    step_left(old - now);
  }
}

// ---- history ----

static rt_list_t *history(void) {
  if (!rt_state->rl_history) rt_state->rl_history = rt_list_new(0);
  return (rt_list_t *)rt_state->rl_history;
}

// Keeps [n] bytes at [s] as the newest entry, dropping the oldest beyond
// RT_READLINE_HISTORY. Blank lines and a repeat of the newest are not kept.
static void history_push(const char *s, size_t n) {
  size_t lead = 0;
  while (lead < n && s[lead] == ' ')
    lead++;
  if (lead == n) return;
  rt_list_t *h = history();
  if (h->len > 0) {
    size_t hn;
    const char *hs = rt_str_data(h->items[0], &hn);
    if (hn == n && memcmp(hs, s, n) == 0) return;
  }
  rt_val_t entry = rt_str_new(s, n);
  if (h->len < RT_READLINE_HISTORY) rt_list_append(rt_val(h), entry);
  memmove(h->items + 1, h->items, (h->len - 1) * sizeof(rt_val_t));
  h->items[0] = entry;
}

// Shows history entry [pos] (-1: the line being typed, kept in [draft]).
static void history_show(editor_t *e, int pos, rt_vstr_t *draft) {
  rt_list_t *h = history();
  if (pos < -1 || pos >= (int)h->len) return;
  if (e->hist_pos == -1) {
    draft->len = 0;
    rt_vstr_add(draft, e->line->buf, e->line->len);
  }
  e->hist_pos = pos;
  if (pos == -1) {
    replace_line(e, draft->buf, draft->len);
  } else {
    size_t n;
    const char *s = rt_str_data(h->items[pos], &n);
    replace_line(e, s, n);
  }
}

// ---- tab completion ----

static bool is_name_char(char c) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         (unsigned char)c >= 0x80;
}

// The value that [name] ([n] bytes) names in __main__, then in builtins,
// or RT_NULL. Never allocates a new name.
static rt_val_t lookup_global(const char *name, size_t n) {
  rt_val_t q = rt_qstr_find(name, n);
  if (!q) return RT_NULL;
  rt_val_t v = rt_dict_get(rt_state->main_globals, q);
  return v ? v : rt_builtins_lookup(q);
}

static rt_val_t getattr_or_null(rt_val_t obj, rt_val_t name) {
  return rt_obj_getattr_maybe(obj, name);
}

// Does [q] name something in [obj] (RT_NULL: in __main__ or builtins)? An
// attribute that raises when read does not count.
static bool has_name(rt_val_t obj, rt_val_t q) {
  if (!obj) return rt_dict_get(rt_state->main_globals, q) || rt_builtins_lookup(q);
  rt_val_t v;
  return rt_nlr_try(getattr_or_null, obj, q, &v) && v;
}

// The object the dotted chain [s] ([n] bytes, "a.b.c" without a trailing
// dot) reaches, or RT_NULL.
static rt_val_t resolve_chain(const char *s, size_t n) {
  size_t k = 0;
  while (k < n && s[k] != '.')
    k++;
  rt_val_t obj = lookup_global(s, k);
  while (obj && k < n) {
    size_t start = ++k;
    while (k < n && s[k] != '.')
      k++;
    rt_val_t q = rt_qstr_find(s + start, k - start);
    if (!q || !rt_nlr_try(getattr_or_null, obj, q, &obj)) return RT_NULL;
  }
  return obj;
}

// Prints the candidates sorted, in 16-column slots, at most 64 columns a
// line, each at least 2 columns after the one before.
static void print_candidates(const uint16_t *idx, size_t count) {
  out("\r\n", 2);
  size_t col = 0;
  for (size_t i = 0; i < count; i++) {
    size_t n;
    const char *s = rt_qstr_str(rt_qstr_val(idx[i]), &n);
    if (col > 0) {
      size_t gap = 16 - col % 16;
      if (gap < 2) gap += 16;
      if (col + gap + n > 64) {
        out("\r\n", 2);
        col = 0;
      } else {
        out_repeat(' ', gap);
        col += gap;
      }
    }
    out(s, n);
    col += n;
  }
  out("\r\n", 2);
}

// Tab with a name or dotted name before the cursor: inserts what all
// matches share beyond the typed prefix; when that is nothing and several
// match, lists them and draws the prompt and line again.
static void complete(editor_t *e) {
  const char *buf = e->line->buf;
  size_t start = e->cursor;
  while (start > 0 && (is_name_char(buf[start - 1]) || buf[start - 1] == '.'))
    start--;
  size_t dot = e->cursor;
  while (dot > start && buf[dot - 1] != '.')
    dot--;
  const char *prefix = buf + dot;
  size_t plen = e->cursor - dot;
  rt_val_t obj = RT_NULL;
  if (dot > start) {
    obj = resolve_chain(buf + start, dot - 1 - start);
    if (!obj) return;
  }
  // First pass: count the matches and the length they share.
  size_t total = rt_qstr_count(), count = 0, common = 0;
  const char *first = NULL;
  for (size_t i = 1; i < total; i++) {
    size_t n;
    const char *s = rt_qstr_str(rt_qstr_val((unsigned)i), &n);
    if (n < plen || memcmp(s, prefix, plen) != 0) continue;
    if (plen == 0 && s[0] == '_') continue;
    if (!has_name(obj, rt_qstr_val((unsigned)i))) continue;
    if (count++ == 0) {
      first = s;
      common = n;
    } else {
      size_t k = plen;
      while (k < common && k < n && s[k] == first[k])
        k++;
      common = k;
    }
  }
  if (count == 0) {
    // "im" at the start of a line completes to "import ".
    static const char import_kw[] = "import ";
    if (obj == RT_NULL && start == 0 && plen > 0 && plen < 6 && memcmp(prefix, import_kw, plen) == 0)
      insert(e, import_kw + plen, sizeof import_kw - 1 - plen);
    return;
  }
  if (common > plen) {
    // [first] may move when inserting allocates: copy the part needed.
    char more[64];
    size_t m = common - plen < sizeof more ? common - plen : sizeof more;
    memcpy(more, first + plen, m);
    insert(e, more, m);
    return;
  }
  if (count == 1) return;
  // Second pass: collect the names, then sort them by text.
  uint16_t *idx = rt_gc_alloc(count * sizeof *idx, RT_GC_LEAF | RT_GC_TEMP);
  size_t k = 0;
  for (size_t i = 1; i < total && k < count; i++) {
    size_t n;
    const char *s = rt_qstr_str(rt_qstr_val((unsigned)i), &n);
    if (n < plen || memcmp(s, prefix, plen) != 0) continue;
    if (plen == 0 && s[0] == '_') continue;
    if (has_name(obj, rt_qstr_val((unsigned)i))) idx[k++] = (uint16_t)i;
  }
  for (size_t i = 1; i < k; i++) {
    uint16_t v = idx[i];
    const char *vs = rt_qstr_cstr(v);
    size_t j = i;
    while (j > 0 && strcmp(rt_qstr_cstr(idx[j - 1]), vs) > 0) {
      idx[j] = idx[j - 1];
      j--;
    }
    idx[j] = v;
  }
  print_candidates(idx, k);
  rt_gc_free(idx);
  out(e->prompt, strlen(e->prompt));
  out(e->line->buf, e->line->len);
  step_left(columns(e->line->buf + e->cursor, e->line->len - e->cursor));
}

// ---- keys ----

// Reads the rest of an escape sequence (ESC [ x, ESC O x, ESC [ n ~) and
// returns the key with the same meaning, or KEY_NONE for one this editor
// ignores.
static int read_escape(void) {
  int c = hal_console_read();
  if (c != '[' && c != 'O') return KEY_NONE;
  int k = hal_console_read();
  if (k >= '0' && k <= '9') {
    int num = 0;
    while (k >= '0' && k <= '9') {
      num = num * 10 + (k - '0');
      k = hal_console_read();
    }
    if (k != '~') return KEY_NONE;
    switch (num) {
    case 1:
    case 7: return KEY_CTRL_A; // home
    case 4:
    case 8: return KEY_CTRL_E; // end
    case 3: return KEY_DELETE;
    default: return KEY_NONE;
    }
  }
  switch (k) {
  case 'A': return KEY_CTRL_P; // up
  case 'B': return KEY_CTRL_N; // down
  case 'C': return KEY_CTRL_F; // right
  case 'D': return KEY_CTRL_B; // left
  case 'H': return KEY_CTRL_A; // home
  case 'F': return KEY_CTRL_E; // end
  default: return KEY_NONE;
  }
}

// Where the word before the cursor starts (spaces before it included in
// what Ctrl-W erases, as shells do).
static size_t word_start(const editor_t *e) {
  size_t i = e->cursor;
  while (i > 0 && e->line->buf[i - 1] == ' ')
    i--;
  while (i > 0 && is_name_char(e->line->buf[i - 1]))
    i--;
  if (i == e->cursor && i > 0) i = prev_char(e, i); // a lone punctuation character
  return i;
}

// Backspace: one character, or 4 spaces when only spaces (at least 4) lie
// between the line start and the cursor.
static void backspace(editor_t *e) {
  if (e->cursor == 0) return;
  bool spaces = true;
  for (size_t i = 0; i < e->cursor; i++)
    spaces &= e->line->buf[i] == ' ';
  size_t from = spaces && e->cursor >= 4 ? e->cursor - 4 : prev_char(e, e->cursor);
  delete_at(e, from, e->cursor - from);
}

// Reads the continuation bytes of a UTF-8 character whose first byte is
// [lead] and inserts the whole character. A malformed one is dropped; the
// byte that broke it is kept to be read as the next key.
static void insert_utf8(editor_t *e, int lead) {
  char ch[4] = {(char)lead};
  size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  if (lead >= 0xF8) return;
  for (size_t i = 1; i < n; i++) {
    int c = hal_console_read();
    if (c < 0 || !is_continuation((char)c)) {
      e->pushed_back = c;
      return;
    }
    ch[i] = (char)c;
  }
  insert(e, ch, n);
}

int rt_readline(rt_vstr_t *line, const char *prompt) {
  editor_t e = {line, prompt, line->len, line->len, -1, -1};
  rt_vstr_t draft;
  rt_vstr_init(&draft, 16);
  out(prompt, strlen(prompt));
  out(line->buf, line->len);
  bool first = true;
  for (;;) {
    int c = e.pushed_back;
    e.pushed_back = -1;
    if (c < 0) c = hal_console_read();
    if (c < 0) return RT_READLINE_EOF;
    if (first && (c == '\r' || c == '\n') && rt_state->rl_last_nl && c != rt_state->rl_last_nl) {
      rt_state->rl_last_nl = 0;
      continue;
    }
    first = false;
    rt_state->rl_last_nl = 0;
    if (c == '\r' || c == '\n') {
      rt_state->rl_last_nl = c;
      move_to(&e, line->len);
      out("\r\n", 2);
      history_push(line->buf, line->len);
      rt_vstr_free(&draft);
      return RT_READLINE_OK;
    }
    if (c == 3) {
      rt_vstr_free(&draft);
      return RT_READLINE_CTRL_C;
    }
    bool untouched = line->len == e.orig_len;
    if ((c == KEY_CTRL_A || c == KEY_CTRL_B || c == KEY_CTRL_D || c == KEY_CTRL_E) && untouched) {
      rt_vstr_free(&draft);
      return c;
    }
    if (c == KEY_ESC) c = read_escape();
    switch (c) {
    case KEY_NONE: break;
    case KEY_CTRL_A: move_to(&e, 0); break;
    case KEY_CTRL_E: move_to(&e, line->len); break;
    case KEY_CTRL_B: move_to(&e, prev_char(&e, e.cursor)); break;
    case KEY_CTRL_F: move_to(&e, next_char(&e, e.cursor)); break;
    case KEY_CTRL_D:
    case KEY_DELETE: delete_at(&e, e.cursor, next_char(&e, e.cursor) - e.cursor); break;
    case KEY_CTRL_K: delete_at(&e, e.cursor, line->len - e.cursor); break;
    case KEY_CTRL_U: delete_at(&e, 0, e.cursor); break;
    case KEY_CTRL_W: delete_at(&e, word_start(&e), e.cursor - word_start(&e)); break;
    case KEY_CTRL_P: history_show(&e, e.hist_pos + 1, &draft); break;
    case KEY_CTRL_N: history_show(&e, e.hist_pos - 1, &draft); break;
    case KEY_BACKSPACE:
    case KEY_DEL: backspace(&e); break;
    case KEY_TAB:
      if (e.cursor == 0 || line->buf[e.cursor - 1] == ' ')
        insert(&e, "    ", 4);
      else
        complete(&e);
      break;
    default:
      if (c >= 0xC0) {
        insert_utf8(&e, c);
      } else if (c >= 32 && c < 0x80) {
        char ch = (char)c;
        insert(&e, &ch, 1);
      }
      break;
    }
  }
}
