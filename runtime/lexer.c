// SPDX-License-Identifier: MIT
// lexer.c: the tokenizer.
//
// Invariants: c0..c2 always hold the next three bytes (or -1); line/col
// name c0's position. indents[0] is 0 and the stack only grows strictly.
// Inside brackets (paren_depth > 0) newlines and indentation are ignored.
// At the end of input the lexer emits NEWLINE (if the last line had
// tokens), one DEDENT per open indent, then END forever.
#include <stdio.h>
#include <string.h>

#include "lexer.h"
#include "gc.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_float.h"
#include "obj_int.h"
#include "obj_str.h"
#include "qstr.h"
#include "raise.h"

static const char *const tok_text[] = {
#define X(name, text) text,
    RT_TOKENS(X)
#undef X
};

const char *rt_lexer_tok_text(rt_tok_t t) {
  return tok_text[t];
}

static int mem_read(void *ctx) {
  rt_mem_reader_t *m = ctx;
  return m->p < m->end ? (unsigned char)*m->p++ : -1;
}

void rt_reader_mem(rt_reader_t *r, rt_mem_reader_t *m, const char *src, size_t len) {
  m->p = src;
  m->end = src + len;
  r->read = mem_read;
  r->ctx = m;
}

void rt_lexer_error_at(const rt_type_t *type, rt_val_t filename, int line, int col, const char *msg) {
  rt_val_t m = rt_str_new_cstr(msg);
  rt_val_t e = rt_exc_new1(type, m);
  rt_exc_t *x = (rt_exc_t *)e;
  x->dict = rt_dict_new(4);
  rt_dict_set(x->dict, RT_QV(msg), m);
  rt_dict_set(x->dict, RT_QV(filename), filename);
  rt_dict_set(x->dict, RT_QV(lineno), rt_small(line));
  rt_dict_set(x->dict, RT_QV(offset), rt_small(col));
  rt_raise(e);
}

static __attribute__((noreturn)) void error(rt_lexer_t *lx, const char *msg) {
  rt_lexer_error_at(&rt_exc_SyntaxError, lx->filename, lx->line, lx->col, msg);
}

// A SyntaxError whose message has one printf argument, at [line]/[col].
static __attribute__((noreturn)) void error_fmt(rt_lexer_t *lx, int line, int col, const char *fmt,
                                                const char *arg, int num) {
  char msg[96];
  if (arg)
    snprintf(msg, sizeof msg, fmt, arg);
  else
    snprintf(msg, sizeof msg, fmt, num);
  rt_lexer_error_at(&rt_exc_SyntaxError, lx->filename, line, col, msg);
}

// The next byte from the reader with "\r\n" and lone "\r" read as "\n".
// Once the reader reports the end it is never called again.
static int rd(rt_lexer_t *lx) {
  int c;
  if (lx->pend != -2) {
    c = lx->pend;
    lx->pend = -2;
  } else {
    c = lx->eof ? -1 : lx->reader.read(lx->reader.ctx);
  }
  if (c < 0) {
    lx->eof = true;
    return -1;
  }
  if (c == '\r') {
    int d = lx->eof ? -1 : lx->reader.read(lx->reader.ctx);
    if (d < 0) lx->eof = true;
    if (d != '\n') lx->pend = d < 0 ? -2 : d;
    c = '\n';
  }
  return c;
}

static void advance(rt_lexer_t *lx) {
  if (lx->c0 == '\n') {
    lx->line++;
    lx->col = 1;
  } else if (lx->c0 >= 0) {
    lx->col++;
  }
  lx->c0 = lx->c1;
  lx->c1 = lx->c2;
  lx->c2 = rd(lx);
}

void rt_lexer_init(rt_lexer_t *lx, rt_reader_t reader, rt_val_t filename) {
  memset(lx, 0, sizeof *lx);
  lx->reader = reader;
  lx->filename = filename;
  lx->pend = -2;
  rt_vstr_init_temp(&lx->buf, 32);
  lx->c0 = rd(lx);
  lx->c1 = rd(lx);
  lx->c2 = rd(lx);
  lx->line = 1;
  lx->col = 1;
  lx->n_indents = 1;
  lx->indents[0] = 0;
  lx->alt_indents[0] = 0;
  lx->at_line_start = true;
  lx->last_was_newline = true;
  rt_lexer_next(lx);
}

void rt_lexer_free(rt_lexer_t *lx) {
  rt_vstr_free(&lx->buf);
}

static bool is_name_start(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
static bool is_name_char(int c) {
  return is_name_start(c) || (c >= '0' && c <= '9');
}
static bool is_digit(int c) {
  return c >= '0' && c <= '9';
}

static int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static void add_utf8(rt_vstr_t *out, uint32_t cp) {
  char b[4];
  size_t n;
  if (cp < 0x80) {
    b[0] = (char)cp;
    n = 1;
  } else if (cp < 0x800) {
    b[0] = (char)(0xc0 | (cp >> 6));
    b[1] = (char)(0x80 | (cp & 0x3f));
    n = 2;
  } else if (cp < 0x10000) {
    b[0] = (char)(0xe0 | (cp >> 12));
    b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
    b[2] = (char)(0x80 | (cp & 0x3f));
    n = 3;
  } else {
    b[0] = (char)(0xf0 | (cp >> 18));
    b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
    b[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
    b[3] = (char)(0x80 | (cp & 0x3f));
    n = 4;
  }
  rt_vstr_add(out, b, n);
}

void rt_lexer_unescape(rt_lexer_t *lx, const char *s, size_t n, bool raw, bool bytes, rt_vstr_t *out) {
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c != '\\' || raw || i + 1 >= n) {
      rt_vstr_addc(out, c);
      continue;
    }
    c = s[++i];
    switch (c) {
    case '\n': break;
    case '\\': rt_vstr_addc(out, '\\'); break;
    case '\'': rt_vstr_addc(out, '\''); break;
    case '"': rt_vstr_addc(out, '"'); break;
    case 'a': rt_vstr_addc(out, 7); break;
    case 'b': rt_vstr_addc(out, 8); break;
    case 'f': rt_vstr_addc(out, 12); break;
    case 'n': rt_vstr_addc(out, '\n'); break;
    case 'r': rt_vstr_addc(out, '\r'); break;
    case 't': rt_vstr_addc(out, '\t'); break;
    case 'v': rt_vstr_addc(out, 11); break;
    case 'x':
    case 'u':
    case 'U': {
      int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
      uint32_t cp = 0;
      for (int k = 0; k < digits; k++) {
        int h = i + 1 < n ? hexval((unsigned char)s[i + 1]) : -1;
        if (h < 0) {
          if (lx)
            error(lx, c == 'x' ? "(unicode error) truncated \\xXX escape"
                               : "(unicode error) truncated \\uXXXX escape");
          break;
        }
        cp = cp * 16 + (uint32_t)h;
        i++;
      }
      if (c == 'x' && bytes)
        rt_vstr_addc(out, (char)cp);
      else if (c == 'x')
        add_utf8(out, cp);
      else
        add_utf8(out, cp > 0x10ffff ? 0xfffd : cp);
      break;
    }
    default:
      if (c >= '0' && c <= '7') {
        uint32_t v = (uint32_t)(c - '0');
        for (int k = 0; k < 2 && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '7'; k++)
          v = v * 8 + (uint32_t)(s[++i] - '0');
        if (bytes)
          rt_vstr_addc(out, (char)v);
        else
          add_utf8(out, v);
      } else {
        rt_vstr_addc(out, '\\');
        rt_vstr_addc(out, c);
      }
      break;
    }
  }
}

static const struct {
  const char *word;
  rt_tok_t tok;
} keywords[] = {
    {"False", RT_TOK_KW_FALSE},
    {"None", RT_TOK_KW_NONE},
    {"True", RT_TOK_KW_TRUE},
    {"and", RT_TOK_KW_AND},
    {"as", RT_TOK_KW_AS},
    {"assert", RT_TOK_KW_ASSERT},
    {"async", RT_TOK_KW_ASYNC},
    {"await", RT_TOK_KW_AWAIT},
    {"break", RT_TOK_KW_BREAK},
    {"class", RT_TOK_KW_CLASS},
    {"continue", RT_TOK_KW_CONTINUE},
    {"def", RT_TOK_KW_DEF},
    {"del", RT_TOK_KW_DEL},
    {"elif", RT_TOK_KW_ELIF},
    {"else", RT_TOK_KW_ELSE},
    {"except", RT_TOK_KW_EXCEPT},
    {"finally", RT_TOK_KW_FINALLY},
    {"for", RT_TOK_KW_FOR},
    {"from", RT_TOK_KW_FROM},
    {"global", RT_TOK_KW_GLOBAL},
    {"if", RT_TOK_KW_IF},
    {"import", RT_TOK_KW_IMPORT},
    {"in", RT_TOK_KW_IN},
    {"is", RT_TOK_KW_IS},
    {"lambda", RT_TOK_KW_LAMBDA},
    {"nonlocal", RT_TOK_KW_NONLOCAL},
    {"not", RT_TOK_KW_NOT},
    {"or", RT_TOK_KW_OR},
    {"pass", RT_TOK_KW_PASS},
    {"raise", RT_TOK_KW_RAISE},
    {"return", RT_TOK_KW_RETURN},
    {"try", RT_TOK_KW_TRY},
    {"while", RT_TOK_KW_WHILE},
    {"with", RT_TOK_KW_WITH},
    {"yield", RT_TOK_KW_YIELD},
};

// Scans a string literal whose prefix flags are given; c0 is the quote.
static void scan_string(rt_lexer_t *lx, bool raw, bool is_bytes, bool is_f) {
  int q = lx->c0;
  bool triple = lx->c1 == q && lx->c2 == q;
  advance(lx);
  if (triple) {
    advance(lx);
    advance(lx);
  }
  rt_vstr_t *b = &lx->buf;
  b->len = 0;
  for (;;) {
    int c = lx->c0;
    // Reported at the string's start, as CPython does, with the line
    // where the end of line or input was met.
    if (c < 0 && triple)
      error_fmt(lx, lx->tok_line, lx->tok_col,
                "unterminated triple-quoted string literal (detected at line %d)", NULL, lx->line);
    if (c < 0 || (c == '\n' && !triple))
      error_fmt(lx, lx->tok_line, lx->tok_col, "unterminated string literal (detected at line %d)", NULL,
                lx->line);
    if (c == q) {
      if (!triple) {
        advance(lx);
        break;
      }
      if (lx->c1 == q && lx->c2 == q) {
        advance(lx);
        advance(lx);
        advance(lx);
        break;
      }
    }
    if (c == '\\' && lx->c1 >= 0) {
      rt_vstr_addc(b, '\\');
      advance(lx);
      c = lx->c0;
    }
    rt_vstr_addc(b, (char)c);
    advance(lx);
  }
  if (is_f) {
    lx->tok = RT_TOK_FSTRING;
    // The raw body; the parser splits fields and unescapes literal parts.
    // A leading byte records whether the string was raw.
    rt_vstr_t v;
    rt_vstr_init_temp(&v, b->len + 1);
    rt_vstr_addc(&v, raw ? 'r' : '-');
    rt_vstr_add(&v, b->buf, b->len);
    lx->value = rt_str_new(v.buf, v.len);
    rt_vstr_free(&v);
    return;
  }
  rt_vstr_t v;
  rt_vstr_init_temp(&v, b->len);
  rt_lexer_unescape(lx, b->buf, b->len, raw, is_bytes, &v);
  lx->value = rt_str_new(v.buf, v.len);
  rt_vstr_free(&v);
  lx->tok = is_bytes ? RT_TOK_BYTES : RT_TOK_STRING;
}

static const char *radix_name(int base) {
  return base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
}

// A digit [c] of a 0x/0o/0b literal: CPython's message when it is out of
// range for [base].
static void check_radix_digit(rt_lexer_t *lx, int base, int c) {
  int v = is_digit(c) ? c - '0' : ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') ? (c | 0x20) - 'a' + 10 : 99;
  if (v < base) return;
  char msg[64];
  if (is_digit(c))
    snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, radix_name(base));
  else
    snprintf(msg, sizeof msg, "invalid %s literal", radix_name(base));
  rt_lexer_error_at(&rt_exc_SyntaxError, lx->filename, lx->line, lx->col, msg);
}

static void scan_number(rt_lexer_t *lx) {
  rt_vstr_t *b = &lx->buf;
  b->len = 0;
  bool is_float = false, radix = false;
  if (lx->c0 == '0' &&
      (lx->c1 == 'x' || lx->c1 == 'X' || lx->c1 == 'o' || lx->c1 == 'O' || lx->c1 == 'b' || lx->c1 == 'B'))
    radix = true;
  int base = !radix ? 10 : (lx->c1 | 0x20) == 'x' ? 16 : (lx->c1 | 0x20) == 'o' ? 8 : 2;
  for (;;) {
    int c = lx->c0;
    if (is_digit(c) || c == '_' || (radix && is_name_char(c))) {
      if (radix && b->len >= 2 && c != '_') check_radix_digit(lx, base, c);
      rt_vstr_addc(b, (char)c);
      advance(lx);
    } else if (!radix && c == '.') {
      if (is_float) break;
      is_float = true;
      rt_vstr_addc(b, '.');
      advance(lx);
    } else if (!radix && (c == 'e' || c == 'E')) {
      if (!(is_digit(lx->c1) || ((lx->c1 == '+' || lx->c1 == '-') && is_digit(lx->c2)))) break;
      is_float = true;
      rt_vstr_addc(b, 'e');
      advance(lx);
      if (lx->c0 == '+' || lx->c0 == '-') {
        rt_vstr_addc(b, (char)lx->c0);
        advance(lx);
      }
    } else {
      break;
    }
  }
  if (radix && b->len == 2) error_fmt(lx, lx->line, lx->col - 1, "invalid %s literal", radix_name(base), 0);
  if (lx->c0 == 'j' || lx->c0 == 'J') error(lx, "complex numbers are not supported");
  if (is_name_start(lx->c0)) error(lx, "invalid decimal literal");
  if (is_float) {
    double d;
    if (!rt_float_parse(b->buf, b->len, &d)) error(lx, "invalid decimal literal");
    lx->value = rt_float_new(d);
    lx->tok = RT_TOK_FLOAT;
    return;
  }
  rt_val_t v = rt_int_parse(b->buf, b->len, 0);
  if (v == RT_NULL) {
    if (b->len > 1 && b->buf[0] == '0' && is_digit((unsigned char)b->buf[1]))
      error(
          lx,
          "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
    error(lx, "invalid decimal literal");
  }
  lx->value = v;
  lx->tok = RT_TOK_INT;
}

// Operator tokens, longest first within each leading byte.
static const struct {
  char text[4];
  rt_tok_t tok;
} operators[] = {
    {"**=", RT_TOK_DSTAR_EQ}, {"//=", RT_TOK_DSLASH_EQ}, {"<<=", RT_TOK_LSHIFT_EQ}, {">>=", RT_TOK_RSHIFT_EQ},
    {"...", RT_TOK_ELLIPSIS}, {"->", RT_TOK_ARROW},      {":=", RT_TOK_WALRUS},     {"**", RT_TOK_DSTAR},
    {"//", RT_TOK_DSLASH},    {"<<", RT_TOK_LSHIFT},     {">>", RT_TOK_RSHIFT},     {"<=", RT_TOK_LE},
    {">=", RT_TOK_GE},        {"==", RT_TOK_EQ},         {"!=", RT_TOK_NE},         {"+=", RT_TOK_PLUS_EQ},
    {"-=", RT_TOK_MINUS_EQ},  {"*=", RT_TOK_STAR_EQ},    {"/=", RT_TOK_SLASH_EQ},   {"%=", RT_TOK_PERCENT_EQ},
    {"&=", RT_TOK_AMP_EQ},    {"|=", RT_TOK_PIPE_EQ},    {"^=", RT_TOK_CARET_EQ},   {"@=", RT_TOK_AT_EQ},
    {"(", RT_TOK_LPAREN},     {")", RT_TOK_RPAREN},      {"[", RT_TOK_LBRACKET},    {"]", RT_TOK_RBRACKET},
    {"{", RT_TOK_LBRACE},     {"}", RT_TOK_RBRACE},      {",", RT_TOK_COMMA},       {":", RT_TOK_COLON},
    {";", RT_TOK_SEMI},       {".", RT_TOK_DOT},         {"=", RT_TOK_ASSIGN},      {"+", RT_TOK_PLUS},
    {"-", RT_TOK_MINUS},      {"*", RT_TOK_STAR},        {"/", RT_TOK_SLASH},       {"%", RT_TOK_PERCENT},
    {"@", RT_TOK_AT},         {"&", RT_TOK_AMP},         {"|", RT_TOK_PIPE},        {"^", RT_TOK_CARET},
    {"~", RT_TOK_TILDE},      {"<", RT_TOK_LT},          {">", RT_TOK_GT},
};

// Widths that agree with tabs of 8 but not of 1 (or the other way round).
// Saturated widths (over 255 blanks) are not compared.
static void tab_error(rt_lexer_t *lx, int alt) {
  if (alt == 255 || lx->alt_indents[lx->n_indents - 1] == 255) return;
  rt_lexer_error_at(&rt_exc_TabError, lx->filename, lx->line, 1,
                    "inconsistent use of tabs and spaces in indentation");
}

// Handles indentation at the start of a logical line. Returns true when
// it produced a token.
static bool line_start(rt_lexer_t *lx) {
  for (;;) {
    // Width with tabs to multiples of 8, and with tabs as one column: as
    // in CPython, indentation whose order depends on the tab size is a TabError.
    int width = 0, alt = 0;
    while (lx->c0 == ' ' || lx->c0 == '\t' || lx->c0 == '\f') {
      width = lx->c0 == '\t' ? (width / 8 + 1) * 8 : lx->c0 == ' ' ? width + 1 : 0;
      alt = lx->c0 == '\f' ? 0 : alt + 1;
      advance(lx);
    }
    if (alt > 255) alt = 255;
    if (lx->c0 == '#') {
      while (lx->c0 >= 0 && lx->c0 != '\n')
        advance(lx);
    }
    if (lx->c0 == '\n') {
      advance(lx);
      continue;
    }
    if (lx->c0 == '\\' && lx->c1 == '\n') {
      advance(lx);
      advance(lx);
      continue;
    }
    lx->at_line_start = false;
    if (lx->c0 < 0) return false;
    int top = lx->indents[lx->n_indents - 1], alt_top = lx->alt_indents[lx->n_indents - 1];
    lx->tok_line = lx->line;
    lx->tok_col = lx->col;
    if (width > top) {
      if (alt <= alt_top) tab_error(lx, alt);
      if (lx->n_indents == RT_LEXER_MAX_INDENT) error(lx, "too many levels of indentation");
      lx->alt_indents[lx->n_indents] = (uint8_t)alt;
      lx->indents[lx->n_indents++] = (uint16_t)width;
      lx->tok = RT_TOK_INDENT;
      return true;
    }
    if (width < top) {
      int n = 0;
      while (lx->n_indents > 1 && lx->indents[lx->n_indents - 1] > width) {
        lx->n_indents--;
        n++;
      }
      if (lx->indents[lx->n_indents - 1] != width) {
        // CPython's offset is just past the end of the offending line.
        while (lx->c0 >= 0 && lx->c0 != '\n')
          advance(lx);
        rt_lexer_error_at(&rt_exc_IndentationError, lx->filename, lx->line, lx->col,
                          "unindent does not match any outer indentation level");
      }
      if (alt != lx->alt_indents[lx->n_indents - 1]) tab_error(lx, alt);
      lx->pending_dedents = n - 1;
      lx->tok = RT_TOK_DEDENT;
      return true;
    }
    if (alt != alt_top) tab_error(lx, alt);
    return false;
  }
}

// Bracket bookkeeping: CPython's messages name the bracket and its place.
static void open_bracket(rt_lexer_t *lx, int ch) {
  int d = lx->paren_depth++;
  if (d >= RT_LEXER_MAX_BRACKETS) return;
  lx->bracket_ch[d] = (char)ch;
  lx->bracket_line[d] = (uint16_t)(lx->tok_line > 0xffff ? 0xffff : lx->tok_line);
  lx->bracket_col[d] = (uint16_t)(lx->tok_col > 0xffff ? 0xffff : lx->tok_col);
}

static void close_bracket(rt_lexer_t *lx, int ch) {
  char closer[2] = {(char)ch, 0};
  if (lx->paren_depth == 0) error_fmt(lx, lx->tok_line, lx->tok_col, "unmatched '%s'", closer, 0);
  int d = --lx->paren_depth;
  if (d >= RT_LEXER_MAX_BRACKETS) return;
  char want = lx->bracket_ch[d] == '(' ? ')' : lx->bracket_ch[d] == '[' ? ']' : '}';
  if (ch == want) return;
  char msg[96];
  if (lx->bracket_line[d] == lx->tok_line)
    snprintf(msg, sizeof msg, "closing parenthesis '%c' does not match opening parenthesis '%c'", ch,
             lx->bracket_ch[d]);
  else
    snprintf(msg, sizeof msg, "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
             ch, lx->bracket_ch[d], lx->bracket_line[d]);
  rt_lexer_error_at(&rt_exc_SyntaxError, lx->filename, lx->tok_line, lx->tok_col, msg);
}

// The input ended inside brackets: names the innermost one we kept.
static __attribute__((noreturn)) void never_closed(rt_lexer_t *lx) {
  if (lx->paren_depth > RT_LEXER_MAX_BRACKETS) error(lx, "unexpected EOF while parsing");
  int d = lx->paren_depth - 1;
  char opener[2] = {lx->bracket_ch[d], 0};
  error_fmt(lx, lx->bracket_line[d], lx->bracket_col[d], "'%s' was never closed", opener, 0);
}

static void next_token(rt_lexer_t *lx) {
  if (lx->pending_dedents > 0) {
    lx->pending_dedents--;
    lx->tok = RT_TOK_DEDENT;
    return;
  }
  if (lx->at_line_start && lx->paren_depth == 0 && line_start(lx)) return;
  for (;;) {
    while (lx->c0 == ' ' || lx->c0 == '\t' || lx->c0 == '\f')
      advance(lx);
    if (lx->c0 == '#')
      while (lx->c0 >= 0 && lx->c0 != '\n')
        advance(lx);
    if (lx->c0 == '\\') {
      if (lx->c1 == '\n') {
        advance(lx);
        advance(lx);
        continue;
      }
      if (lx->c1 < 0) {
        advance(lx);
        error(lx, "unexpected EOF while parsing");
      }
      error(lx, "unexpected character after line continuation character");
    }
    if (lx->c0 == '\n' && lx->paren_depth > 0) {
      advance(lx);
      continue;
    }
    break;
  }
  lx->tok_line = lx->line;
  lx->tok_col = lx->col;
  int c = lx->c0;
  if (c == '\n') {
    advance(lx);
    lx->at_line_start = true;
    lx->tok = RT_TOK_NEWLINE;
    return;
  }
  if (c < 0) {
    if (lx->paren_depth > 0) never_closed(lx);
    if (!lx->last_was_newline) {
      lx->tok = RT_TOK_NEWLINE;
      return;
    }
    if (lx->n_indents > 1) {
      lx->n_indents--;
      lx->tok = RT_TOK_DEDENT;
      return;
    }
    lx->tok = RT_TOK_END;
    return;
  }
  if (is_name_start(c)) {
    // A string prefix?
    bool raw = false, is_b = false, is_f = false, prefix = true;
    int k = 0, cs[3] = {lx->c0, lx->c1, lx->c2};
    for (; k < 3; k++) {
      int d = cs[k] | 0x20;
      if (cs[k] == '\'' || cs[k] == '"') break;
      if (k == 2 || !(d == 'r' || d == 'b' || d == 'f' || d == 'u')) {
        prefix = false;
        break;
      }
      raw |= d == 'r';
      is_b |= d == 'b';
      is_f |= d == 'f';
    }
    if (prefix && k > 0 && k < 3 && (cs[k] == '\'' || cs[k] == '"') && !(is_b && is_f)) {
      for (int j = 0; j < k; j++)
        advance(lx);
      scan_string(lx, raw, is_b, is_f);
      return;
    }
    rt_vstr_t *b = &lx->buf;
    b->len = 0;
    while (is_name_char(lx->c0)) {
      rt_vstr_addc(b, (char)lx->c0);
      advance(lx);
    }
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
      if (strlen(keywords[i].word) == b->len && memcmp(keywords[i].word, b->buf, b->len) == 0) {
        lx->tok = keywords[i].tok;
        return;
      }
    lx->value = rt_qstr_from(b->buf, b->len);
    lx->tok = RT_TOK_NAME;
    return;
  }
  if (is_digit(c) || (c == '.' && is_digit(lx->c1))) {
    scan_number(lx);
    return;
  }
  if (c == '\'' || c == '"') {
    scan_string(lx, false, false, false);
    return;
  }
  for (size_t i = 0; i < sizeof operators / sizeof operators[0]; i++) {
    const char *t = operators[i].text;
    size_t n = strlen(t);
    if (t[0] != c || (n > 1 && t[1] != lx->c1) || (n > 2 && t[2] != lx->c2)) continue;
    for (size_t j = 0; j < n; j++)
      advance(lx);
    lx->tok = operators[i].tok;
    if (lx->tok == RT_TOK_LPAREN || lx->tok == RT_TOK_LBRACKET || lx->tok == RT_TOK_LBRACE)
      open_bracket(lx, c);
    if (lx->tok == RT_TOK_RPAREN || lx->tok == RT_TOK_RBRACKET || lx->tok == RT_TOK_RBRACE)
      close_bracket(lx, c);
    return;
  }
  if (c == '!') error(lx, "invalid syntax");
  if (c == '$' || c == '?' || c == '`') error(lx, "invalid syntax");
  error(lx, "invalid character in identifier");
}

void rt_lexer_next(rt_lexer_t *lx) {
  if (lx->has_peek) {
    lx->has_peek = false;
    lx->tok = lx->peek_tok;
    lx->tok_line = lx->peek_line;
    lx->tok_col = lx->peek_col;
    lx->value = lx->peek_value;
    return;
  }
  next_token(lx);
  lx->last_was_newline = lx->tok == RT_TOK_NEWLINE || lx->tok == RT_TOK_INDENT || lx->tok == RT_TOK_DEDENT;
}

rt_tok_t rt_lexer_peek(rt_lexer_t *lx) {
  if (!lx->has_peek) {
    rt_tok_t tok = lx->tok;
    int line = lx->tok_line, col = lx->tok_col;
    rt_val_t value = lx->value;
    rt_lexer_next(lx);
    lx->peek_tok = lx->tok;
    lx->peek_line = lx->tok_line;
    lx->peek_col = lx->tok_col;
    lx->peek_value = lx->value;
    lx->tok = tok;
    lx->tok_line = line;
    lx->tok_col = col;
    lx->value = value;
    lx->has_peek = true;
  }
  return lx->peek_tok;
}
