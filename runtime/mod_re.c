// SPDX-License-Identifier: MIT
// mod_re.c: regular expressions, a backtracking engine over a compiled
// program, with CPython's syntax for a useful subset: literals, ".",
// classes with ranges and negation, \d \w \s \D \W \S \b \B \A \Z, anchors,
// groups (capturing, named, non-capturing), backreferences, lookahead,
// alternation, greedy and lazy quantifiers including {m,n}; flags I M S X.
//
// The pattern compiles to an array of words (a leaf allocation). Jumps are
// relative to the instruction holding them, so a piece of program can be
// copied to expand a counted repeat. The matcher keeps the alternatives
// it may come back to on an explicit stack in the heap, bounded by
// RE_BACKTRACK_MAX entries (RuntimeError beyond), so no pattern or subject
// can exhaust the chip's C stack. A quantifier on a single-character atom
// is one instruction that leaves a single stack entry however many
// characters it took. A loop whose body can match empty checks that each
// iteration advanced and leaves the loop when not, so `(a*)*` terminates.
//
// Positions inside the matcher are byte offsets; str subjects are UTF-8
// and are decoded character by character; the Python API speaks in
// character indices.
#include "mod_re.h"
#include "gc.h"
#include "hal.h"
#include "obj_bytearray.h"
#include "obj_bytes.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_int.h"
#include "obj_list.h"
#include "obj_module.h"
#include "obj_str.h"
#include "obj_tuple.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"
#include "vstr.h"

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw

// Flag values as CPython numbers them.
#define RE_I 2
#define RE_L 4
#define RE_M 8
#define RE_S 16
#define RE_U 32
#define RE_X 64
#define RE_A 256

#define RE_BACKTRACK_MAX 8192 // stack entries (3 words each) before RuntimeError
#define RE_NEST_MAX 100       // nesting of groups in a pattern
#define RE_PROG_MAX 32768     // program words (counted repeats expand)
#define RE_REPEAT_MAX 65535   // largest {m,n} bound

typedef int32_t re_word_t;

// The instructions. Offsets are relative to the instruction's own start.
enum {
  OP_CHAR,      // c: one character equal to c (folded under I)
  OP_ANY,       // any character but newline
  OP_ANYALL,    // any character (S flag)
  OP_CLASS,     // n, negated, n pairs (lo, hi); lo < 0 is category -lo-1
  OP_BOL,       // start of the string
  OP_MBOL,      // start of a line (M flag)
  OP_EOL,       // end, or before a final newline
  OP_MEOL,      // end of a line (M flag)
  OP_STR_BEGIN, // \A
  OP_STR_END,   // \Z
  OP_WORDB,     // \b
  OP_NWORDB,    // \B
  OP_SAVE,      // slot: record the position (group boundary)
  OP_SPLIT,     // a, b: go to a, coming back to b on failure
  OP_JMP,       // a
  OP_REPEAT,    // min, max (-1: none), greedy, atom length, then the atom
  OP_MARK,      // reg: remember the position
  OP_PROGRESS,  // reg: leave the loop when the position did not move since OP_MARK
  OP_BACKREF,   // group
  OP_LOOK,      // negated, length, width (-1: ahead): a look-around sub-program ending in OP_MATCH
  OP_MATCH,     // success
};

// Character categories of classes and escapes.
enum { CAT_DIGIT, CAT_NOT_DIGIT, CAT_WORD, CAT_NOT_WORD, CAT_SPACE, CAT_NOT_SPACE };

// ---------------------------------------------------------------- errors

// A str formatted as rt_print_format does (print.h).
static rt_val_t fmt_str(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  rt_val_t s = rt_print_vformat_str(fmt, ap);
  va_end(ap);
  return s;
}

static rt_val_t error_class(void) {
  rt_val_t m = rt_dict_get(rt_state->modules, RT_QV(re));
  rt_val_t cls = m ? rt_dict_get(rt_module_dict(m), RT_QV(error)) : RT_NULL;
  return cls ? cls : rt_val(&rt_exc_ValueError);
}

// Raises re.error("[msg] at position [pos]") with msg, pattern and pos
// attributes, as CPython does ([pos] SIZE_MAX: no position).
static __attribute__((noreturn)) void raise_error(rt_val_t pattern, size_t pos, rt_val_t msg) {
  rt_val_t text = pos == SIZE_MAX ? msg : fmt_str("%S at position %z", msg, pos);
  rt_val_t e = rt_obj_call(error_class(), 1, &text, NULL);
  rt_obj_setattr(e, RT_QV(msg), msg);
  rt_obj_setattr(e, RT_QV(pattern), pattern);
  rt_obj_setattr(e, RT_QV(pos), pos == SIZE_MAX ? RT_NONE : rt_small((intptr_t)pos));
  rt_raise(e);
}

// ---------------------------------------------------------------- characters

static int fold(int c) {
  return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static bool is_digit(int c) {
  return c >= '0' && c <= '9';
}

// Without a Unicode database, every non-ASCII character counts as a word
// character in str patterns (true for letters, which are most of them).
static bool is_word(int c, bool unicode) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         (unicode && c >= 0x80);
}

static bool is_space(int c, bool unicode) {
  return c == ' ' || (c >= '\t' && c <= '\r') ||
         (unicode && (c == 0x85 || c == 0xa0 || (c >= 0x1c && c <= 0x1f)));
}

static bool in_category(int cat, int c, bool unicode) {
  switch (cat) {
  case CAT_DIGIT: return is_digit(c);
  case CAT_NOT_DIGIT: return !is_digit(c);
  case CAT_WORD: return is_word(c, unicode);
  case CAT_NOT_WORD: return !is_word(c, unicode);
  case CAT_SPACE: return is_space(c, unicode);
  default: return !is_space(c, unicode);
  }
}

// Decodes the character at s[*i] (UTF-8 when [utf8]), advancing *i.
static int decode_at(const uint8_t *s, size_t len, size_t *i, bool utf8) {
  int c = s[(*i)++];
  if (!utf8 || c < 0x80) return c;
  int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
  c &= 0x3f >> extra;
  while (extra-- && *i < len)
    c = (c << 6) | (s[(*i)++] & 0x3f);
  return c;
}

// ---------------------------------------------------------------- compiler

typedef struct {
  rt_val_t pattern; // for errors
  const uint8_t *s;
  size_t len, i;
  bool utf8;
  unsigned flags;
  re_word_t *code;
  size_t code_len, code_cap;
  int ngroups, nregs;
  rt_dict_t *names; // group name -> index, NULL until one is named
  int depth;
} re_compiler_t;

static size_t char_pos(re_compiler_t *c, size_t byte_pos) {
  return c->utf8 ? rt_str_char_count((const char *)c->s, byte_pos) : byte_pos;
}

static __attribute__((noreturn)) void fail_at(re_compiler_t *c, size_t byte_pos, const char *msg) {
  raise_error(c->pattern, char_pos(c, byte_pos), rt_str_new_cstr(msg));
}

static void reserve(re_compiler_t *c, size_t n) {
  if (c->code_len + n <= c->code_cap) return;
  if (c->code_len + n > RE_PROG_MAX) fail_at(c, c->i, "pattern too large");
  size_t cap = c->code_cap * 2;
  while (cap < c->code_len + n)
    cap *= 2;
  c->code = rt_gc_realloc(c->code, cap * sizeof(re_word_t));
  c->code_cap = cap;
}

static void emit(re_compiler_t *c, re_word_t w) {
  reserve(c, 1);
  c->code[c->code_len++] = w;
}

// Inserts [n] words at [at] (filled by the caller); relative jumps inside
// the moved code stay valid.
static void insert(re_compiler_t *c, size_t at, size_t n) {
  reserve(c, n);
  memmove(c->code + at + n, c->code + at, (c->code_len - at) * sizeof(re_word_t));
  c->code_len += n;
}

static bool at_end(re_compiler_t *c) {
  return c->i >= c->len;
}

static int peek(re_compiler_t *c) {
  return at_end(c) ? -1 : c->s[c->i];
}

static int next_char(re_compiler_t *c) {
  return decode_at(c->s, c->len, &c->i, c->utf8);
}

// Skips whitespace and comments in verbose mode.
static void skip_verbose(re_compiler_t *c) {
  if (!(c->flags & RE_X)) return;
  while (!at_end(c)) {
    int ch = c->s[c->i];
    if (ch == '#') {
      while (!at_end(c) && c->s[c->i] != '\n')
        c->i++;
    } else if (is_space(ch, false)) {
      c->i++;
    } else {
      break;
    }
  }
}

static int hex_digits(re_compiler_t *c, int count, size_t start) {
  int v = 0;
  for (int k = 0; k < count; k++) {
    int ch = peek(c);
    int d = is_digit(ch) ? ch - '0' : (fold(ch) >= 'a' && fold(ch) <= 'f') ? fold(ch) - 'a' + 10 : -1;
    if (d < 0) {
      rt_val_t bad = rt_str_new((const char *)c->s + start, c->i - start);
      raise_error(c->pattern, char_pos(c, start), fmt_str("incomplete escape %S", bad));
    }
    v = v * 16 + d;
    c->i++;
  }
  return v;
}

// An escape after the backslash at [start]: returns a character, or -1
// with *cat set for a category, or -2 with *assertion set (outside
// classes only: \b \B \A \Z), or -3 with *group set for a backreference.
static int parse_escape(re_compiler_t *c, size_t start, bool in_class, int *cat, int *op, int *group) {
  if (at_end(c)) fail_at(c, start, "bad escape (end of pattern)");
  int ch = next_char(c);
  switch (ch) {
  case 'd': *cat = CAT_DIGIT; return -1;
  case 'D': *cat = CAT_NOT_DIGIT; return -1;
  case 'w': *cat = CAT_WORD; return -1;
  case 'W': *cat = CAT_NOT_WORD; return -1;
  case 's': *cat = CAT_SPACE; return -1;
  case 'S': *cat = CAT_NOT_SPACE; return -1;
  case 'n': return '\n';
  case 't': return '\t';
  case 'r': return '\r';
  case 'f': return '\f';
  case 'v': return '\v';
  case 'a': return '\a';
  case 'x': return hex_digits(c, 2, start);
  case 'u':
  case 'U':
    if (!c->utf8) break;
    return hex_digits(c, ch == 'u' ? 4 : 8, start);
  case 'b':
    if (in_class) return '\b';
    *op = OP_WORDB;
    return -2;
  case 'B':
    if (in_class) break;
    *op = OP_NWORDB;
    return -2;
  case 'A':
    if (in_class) break;
    *op = OP_STR_BEGIN;
    return -2;
  case 'Z':
    if (in_class) break;
    *op = OP_STR_END;
    return -2;
  case '0': {
    // Octal: \0 and up to two more octal digits.
    int v = 0;
    for (int k = 0; k < 2 && peek(c) >= '0' && peek(c) <= '7'; k++)
      v = v * 8 + (next_char(c) - '0');
    return v;
  }
  default:
    if (ch >= '1' && ch <= '9') {
      if (in_class) fail_at(c, start, "bad escape");
      int g = ch - '0';
      if (is_digit(peek(c))) g = g * 10 + (next_char(c) - '0');
      if (g > c->ngroups) {
        raise_error(c->pattern, char_pos(c, start) + 1, fmt_str("invalid group reference %d", g));
      }
      *group = g;
      return -3;
    }
    if (ch < 0x80 && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))) break;
    return ch; // an escaped punctuation or other character stands for itself
  }
  raise_error(c->pattern, char_pos(c, start),
              fmt_str("bad escape %S", rt_str_new((const char *)c->s + start, c->i - start)));
}

// [...] at [start] (the '['), already consumed.
static void parse_class(re_compiler_t *c, size_t start) {
  size_t head = c->code_len;
  emit(c, OP_CLASS);
  emit(c, 0);
  bool negated = peek(c) == '^';
  if (negated) c->i++;
  emit(c, negated);
  int pairs = 0;
  bool first = true;
  for (;;) {
    if (at_end(c)) fail_at(c, start, "unterminated character set");
    size_t item = c->i;
    int ch = next_char(c);
    if (ch == ']' && !first) break;
    first = false;
    int lo = ch, cat = 0, op = 0, group = 0;
    if (ch == '\\') {
      lo = parse_escape(c, item, true, &cat, &op, &group);
      if (lo == -1) {
        emit(c, -cat - 1);
        emit(c, 0);
        pairs++;
        continue;
      }
    }
    int hi = lo;
    if (peek(c) == '-' && c->i + 1 < c->len && c->s[c->i + 1] != ']') {
      c->i++;
      size_t hi_at = c->i;
      hi = next_char(c);
      if (hi == '\\') {
        hi = parse_escape(c, hi_at, true, &cat, &op, &group);
        if (hi == -1) {
          raise_error(c->pattern, char_pos(c, item),
                      fmt_str("bad character range %S", rt_str_new((const char *)c->s + item, c->i - item)));
        }
      }
      if (hi < lo) {
        raise_error(c->pattern, char_pos(c, item),
                    fmt_str("bad character range %S", rt_str_new((const char *)c->s + item, c->i - item)));
      }
    }
    emit(c, lo);
    emit(c, hi);
    pairs++;
  }
  c->code[head + 1] = pairs;
}

static void parse_alternation(re_compiler_t *c);

// True when the code in [from, to) can match without consuming input.
static bool nullable(const re_word_t *code, size_t from, size_t to);

static size_t op_size(const re_word_t *code, size_t pc) {
  switch (code[pc]) {
  case OP_CHAR:
  case OP_SAVE:
  case OP_JMP:
  case OP_MARK:
  case OP_PROGRESS:
  case OP_BACKREF: return 2;
  case OP_CLASS: return 3 + 2 * (size_t)code[pc + 1];
  case OP_SPLIT: return 3;
  case OP_REPEAT: return 5 + (size_t)code[pc + 4];
  case OP_LOOK: return 4 + (size_t)code[pc + 2];
  default: return 1;
  }
}

static bool nullable(const re_word_t *code, size_t from, size_t to) {
  // Conservative: any branch, loop or backreference counts as nullable;
  // a straight run of consuming instructions does not.
  for (size_t pc = from; pc < to; pc += op_size(code, pc)) {
    switch (code[pc]) {
    case OP_CHAR:
    case OP_ANY:
    case OP_ANYALL:
    case OP_CLASS: return false;
    case OP_REPEAT:
      if (code[pc + 1] > 0) return false;
      break;
    case OP_SPLIT:
    case OP_JMP:
    case OP_BACKREF: return true;
    default: break;
    }
  }
  return true;
}

// The number of characters the code in [from, to) always matches, or -1
// when it varies (look-behinds need a fixed width).
static long fixed_width(const re_word_t *code, size_t from, size_t to) {
  long width = 0;
  for (size_t pc = from; pc < to; pc += op_size(code, pc)) {
    switch (code[pc]) {
    case OP_CHAR:
    case OP_ANY:
    case OP_ANYALL:
    case OP_CLASS: width++; break;
    case OP_REPEAT:
      if (code[pc + 1] != code[pc + 2]) return -1;
      width += code[pc + 1];
      break;
    case OP_SPLIT:
    case OP_JMP:
    case OP_BACKREF:
    case OP_MARK:
    case OP_PROGRESS: return -1;
    default: break;
    }
  }
  return width;
}

// Is the code in [from, to) one instruction matching one character?
static bool single_char(const re_word_t *code, size_t from, size_t to) {
  if (from >= to || from + op_size(code, from) != to) return false;
  int op = code[from];
  return op == OP_CHAR || op == OP_ANY || op == OP_ANYALL || op == OP_CLASS;
}

// Reads a decimal number for {m,n}; -1 when there is none.
static long read_count(re_compiler_t *c) {
  long v = -1;
  while (is_digit(peek(c))) {
    v = (v < 0 ? 0 : v) * 10 + (c->s[c->i++] - '0');
    if (v > RE_REPEAT_MAX) fail_at(c, c->i, "the repetition number is too large");
  }
  return v;
}

// Parses a quantifier at the current position, if any: sets *min, *max
// (-1: unbounded) and returns true.
static bool parse_quantifier(re_compiler_t *c, long *min, long *max) {
  int ch = peek(c);
  if (ch == '*' || ch == '+' || ch == '?') {
    c->i++;
    *min = ch == '+';
    *max = ch == '?' ? 1 : -1;
    return true;
  }
  if (ch != '{') return false;
  size_t save = c->i;
  c->i++;
  size_t num_at = c->i;
  long lo = read_count(c), hi = lo;
  if (peek(c) == ',') {
    c->i++;
    hi = read_count(c);
  } else if (lo < 0) {
    c->i = save; // not a repeat: '{' is a literal
    return false;
  }
  if (peek(c) != '}') {
    c->i = save;
    return false;
  }
  c->i++;
  *min = lo < 0 ? 0 : lo;
  *max = hi;
  if (hi >= 0 && hi < *min) fail_at(c, num_at, "min repeat greater than max repeat");
  return true;
}

// Applies quantifier {min,max} (greedy or not) to the atom at [from].
static void apply_quantifier(re_compiler_t *c, size_t from, long min, long max, bool greedy) {
  size_t atom_len = c->code_len - from;
  if (single_char(c->code, from, c->code_len)) {
    insert(c, from, 5);
    c->code[from] = OP_REPEAT;
    c->code[from + 1] = (re_word_t)min;
    c->code[from + 2] = (re_word_t)max;
    c->code[from + 3] = greedy;
    c->code[from + 4] = (re_word_t)atom_len;
    return;
  }
  bool empty_ok = nullable(c->code, from, c->code_len);
  // Copy the atom aside: it is repeated min times, then made optional.
  re_word_t *atom = rt_gc_alloc(atom_len * sizeof(re_word_t), RT_GC_LEAF | RT_GC_TEMP);
  memcpy(atom, c->code + from, atom_len * sizeof(re_word_t));
  c->code_len = from;
  for (long k = 0; k < min; k++) {
    reserve(c, atom_len);
    memcpy(c->code + c->code_len, atom, atom_len * sizeof(re_word_t));
    c->code_len += atom_len;
  }
  if (max < 0) {
    // loop: SPLIT body, exit; [MARK r] body [PROGRESS r]; JMP loop
    int reg = empty_ok ? c->nregs++ : -1;
    size_t loop = c->code_len;
    emit(c, OP_SPLIT);
    emit(c, 0);
    emit(c, 0);
    if (reg >= 0) {
      emit(c, OP_MARK);
      emit(c, reg);
    }
    reserve(c, atom_len);
    memcpy(c->code + c->code_len, atom, atom_len * sizeof(re_word_t));
    c->code_len += atom_len;
    if (reg >= 0) {
      emit(c, OP_PROGRESS);
      emit(c, reg);
    }
    emit(c, OP_JMP);
    emit(c, (re_word_t)(loop - c->code_len + 1));
    re_word_t body = 3, exit = (re_word_t)(c->code_len - loop);
    c->code[loop + 1] = greedy ? body : exit;
    c->code[loop + 2] = greedy ? exit : body;
  } else {
    // max - min optional copies; skipping one skips the rest.
    size_t first = c->code_len;
    for (long k = min; k < max; k++) {
      emit(c, OP_SPLIT);
      emit(c, 0);
      emit(c, 0);
      reserve(c, atom_len);
      memcpy(c->code + c->code_len, atom, atom_len * sizeof(re_word_t));
      c->code_len += atom_len;
    }
    size_t end = c->code_len;
    for (size_t pc = first; pc < end; pc += 3 + atom_len) {
      re_word_t body = 3, exit = (re_word_t)(end - pc);
      c->code[pc + 1] = greedy ? body : exit;
      c->code[pc + 2] = greedy ? exit : body;
    }
  }
  rt_gc_free(atom);
}

// "(?..." after the '(' at [start]; returns the group kind: 0 capturing,
// 1 non-capturing, 2 lookahead, 3 negative lookahead, 4 only flags (no
// group), 5 backreference by name (emitted already), 6 lookbehind, 7
// negative lookbehind.
static int parse_group_head(re_compiler_t *c, size_t start, rt_val_t *name) {
  c->i++; // '?'
  int ch = peek(c);
  if (ch == ':') {
    c->i++;
    return 1;
  }
  if (ch == '=' || ch == '!') {
    c->i++;
    return ch == '=' ? 2 : 3;
  }
  if (ch == '<' && c->i + 1 < c->len && (c->s[c->i + 1] == '=' || c->s[c->i + 1] == '!')) {
    c->i += 2;
    return c->s[c->i - 1] == '=' ? 6 : 7;
  }
  if (ch == 'P') {
    c->i++;
    int kind = peek(c);
    if (kind == '<' || kind == '=') {
      c->i++;
      size_t name_at = c->i;
      while (!at_end(c) && peek(c) != (kind == '<' ? '>' : ')'))
        c->i++;
      if (at_end(c))
        fail_at(c, name_at, kind == '<' ? "missing >, unterminated name" : "missing ), unterminated name");
      rt_val_t nm = rt_str_new((const char *)c->s + name_at, c->i - name_at);
      size_t nlen;
      const char *ns = rt_str_data(nm, &nlen);
      bool ok = nlen > 0 && !is_digit(ns[0]);
      for (size_t k = 0; k < nlen; k++)
        ok = ok && is_word((uint8_t)ns[k], true);
      if (!ok) raise_error(c->pattern, char_pos(c, name_at), fmt_str("bad character in group name %r", nm));
      c->i++;
      if (kind == '<') {
        *name = nm;
        return 0;
      }
      rt_val_t g = c->names ? rt_dict_get(c->names, nm) : RT_NULL;
      if (!g) raise_error(c->pattern, char_pos(c, name_at), fmt_str("unknown group name %r", nm));
      emit(c, OP_BACKREF);
      emit(c, (re_word_t)rt_small_get(g));
      return 5;
    }
    fail_at(c, start + 1, "unknown extension ?P");
  }
  // Global flags, only at the start of the pattern (as CPython 3.11 wants).
  unsigned flags = 0;
  while (!at_end(c)) {
    ch = peek(c);
    unsigned f = ch == 'i'   ? RE_I
                 : ch == 'm' ? RE_M
                 : ch == 's' ? RE_S
                 : ch == 'x' ? RE_X
                 : ch == 'a' ? RE_A
                             : 0;
    if (!f) break;
    flags |= f;
    c->i++;
  }
  if (flags && peek(c) == ')') {
    if (start != 0) fail_at(c, start, "global flags not at the start of the expression");
    c->i++;
    c->flags |= flags;
    return 4;
  }
  if (at_end(c)) fail_at(c, c->i, "unexpected end of pattern");
  if (flags && peek(c) == ':') fail_at(c, start + 1, "scoped inline flags are not supported");
  size_t ext_end = c->i + 1 + (ch == '<' && c->i + 1 < c->len);
  raise_error(
      c->pattern, char_pos(c, start + 1),
      fmt_str("unknown extension %S", rt_str_new((const char *)c->s + start + 1, ext_end - start - 1)));
}

// One atom (with its quantifiers) appended to the code; false at the end
// of a sequence ('|', ')' or the end of the pattern).
static bool parse_atom(re_compiler_t *c) {
  skip_verbose(c);
  if (at_end(c)) return false;
  size_t start = c->i, from = c->code_len;
  int ch = peek(c);
  if (ch == '|' || ch == ')') return false;
  bool quantifiable = true;
  long qmin, qmax;
  if (parse_quantifier(c, &qmin, &qmax)) fail_at(c, start, "nothing to repeat");
  ch = next_char(c);
  switch (ch) {
  case '.': emit(c, (c->flags & RE_S) ? OP_ANYALL : OP_ANY); break;
  case '^':
    emit(c, (c->flags & RE_M) ? OP_MBOL : OP_BOL);
    quantifiable = false;
    break;
  case '$':
    emit(c, (c->flags & RE_M) ? OP_MEOL : OP_EOL);
    quantifiable = false;
    break;
  case '[': parse_class(c, start); break;
  case '(': {
    if (++c->depth > RE_NEST_MAX) fail_at(c, start, "too many nested groups");
    int kind = 0;
    rt_val_t name = RT_NULL;
    if (peek(c) == '?') kind = parse_group_head(c, start, &name);
    if (kind == 4 || kind == 5) {
      c->depth--;
      if (kind == 4) return true; // flags only: nothing emitted
      break;
    }
    int group = 0;
    size_t look_head = 0;
    if (kind == 0) {
      group = ++c->ngroups;
      if (name) {
        if (!c->names) c->names = rt_dict_new(2);
        rt_val_t old = rt_dict_get(c->names, name);
        if (old) {
          raise_error(c->pattern, char_pos(c, start) + 4,
                      fmt_str("redefinition of group name %r as group %d; was group %d", name, group,
                              (int)rt_small_get(old)));
        }
        rt_dict_set(c->names, name, rt_small(group));
      }
      emit(c, OP_SAVE);
      emit(c, 2 * group);
    } else if (kind == 2 || kind == 3 || kind == 6 || kind == 7) {
      look_head = c->code_len;
      emit(c, OP_LOOK);
      emit(c, kind == 3 || kind == 7);
      emit(c, 0);
      emit(c, -1);
    }
    parse_alternation(c);
    if (peek(c) != ')') fail_at(c, start, "missing ), unterminated subpattern");
    c->i++;
    c->depth--;
    if (kind == 0) {
      emit(c, OP_SAVE);
      emit(c, 2 * group + 1);
    } else if (kind >= 2) {
      if (kind >= 6) {
        long width = fixed_width(c->code, look_head + 4, c->code_len);
        if (width < 0)
          raise_error(c->pattern, SIZE_MAX, rt_str_new_cstr("look-behind requires fixed-width pattern"));
        c->code[look_head + 3] = (re_word_t)width;
      }
      emit(c, OP_MATCH);
      c->code[look_head + 2] = (re_word_t)(c->code_len - look_head - 4);
      quantifiable = false;
    }
    break;
  }
  case '\\': {
    int cat = 0, op = 0, group = 0;
    int v = parse_escape(c, start, false, &cat, &op, &group);
    if (v == -1) {
      emit(c, OP_CLASS);
      emit(c, 1);
      emit(c, 0);
      emit(c, -cat - 1);
      emit(c, 0);
    } else if (v == -2) {
      emit(c, op);
      quantifiable = false;
    } else if (v == -3) {
      emit(c, OP_BACKREF);
      emit(c, group);
    } else {
      emit(c, OP_CHAR);
      emit(c, (c->flags & RE_I) ? fold(v) : v);
    }
    break;
  }
  default:
    emit(c, OP_CHAR);
    emit(c, (c->flags & RE_I) ? fold(ch) : ch);
    break;
  }
  skip_verbose(c);
  size_t q_at = c->i;
  if (parse_quantifier(c, &qmin, &qmax)) {
    if (!quantifiable) fail_at(c, q_at, "nothing to repeat");
    bool greedy = true;
    if (peek(c) == '?') {
      c->i++;
      greedy = false;
    }
    long dummy_min, dummy_max;
    size_t again = c->i;
    if (parse_quantifier(c, &dummy_min, &dummy_max)) fail_at(c, again, "multiple repeat");
    apply_quantifier(c, from, qmin, qmax, greedy);
  }
  return true;
}

// alternatives separated by '|': SPLIT alt1, next; alt1; JMP end; next: ...
static void parse_alternation(re_compiler_t *c) {
  rt_c_enter();
  long chain = -1; // JMP instructions to patch, linked through their operand
  for (;;) {
    size_t start = c->code_len;
    while (parse_atom(c)) {
    }
    if (peek(c) != '|') break;
    c->i++;
    insert(c, start, 3);
    c->code[start] = OP_SPLIT;
    c->code[start + 1] = 3;
    size_t jmp = c->code_len;
    emit(c, OP_JMP);
    emit(c, (re_word_t)chain);
    chain = (long)jmp;
    c->code[start + 2] = (re_word_t)(c->code_len - start);
  }
  while (chain >= 0) {
    long prev = c->code[chain + 1];
    c->code[chain + 1] = (re_word_t)((long)c->code_len - chain);
    chain = prev;
  }
  rt_c_leave();
}

// ---------------------------------------------------------------- pattern objects

typedef struct {
  const rt_type_t *type;
  rt_val_t pattern; // the str or bytes compiled
  re_word_t *code;  // leaf
  uint32_t code_len;
  uint16_t ngroups, nregs;
  uint16_t flags;
  bool is_bytes;
  rt_dict_t *names; // group name -> index, or NULL
} re_pattern_t;

typedef struct {
  const rt_type_t *type;
  re_pattern_t *re;
  rt_val_t string;
  intptr_t pos, endpos; // as given, in characters
  int lastindex;        // -1: none
  uint16_t ngroups;
  intptr_t *spans; // leaf: 2 * (ngroups + 1) byte offsets, -1 when unset
} re_match_t;

extern const rt_type_t re_pattern_type, re_match_type, re_scanner_type;

static rt_val_t compile_pattern(rt_val_t pattern, unsigned flags) {
  re_compiler_t c = {0};
  c.pattern = pattern;
  bool is_bytes;
  if (rt_is_str(pattern)) {
    c.s = (const uint8_t *)rt_str_data(pattern, &c.len);
    c.utf8 = true;
    is_bytes = false;
    if (!(flags & RE_A)) flags |= RE_U;
  } else if (rt_bytes_buffer(pattern, &c.s, &c.len)) {
    is_bytes = true;
    if (flags & RE_U)
      rt_raise_msg(&rt_exc_ValueError, RT_MSG("cannot use UNICODE flag with a bytes pattern"));
  } else {
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("first argument must be string or compiled pattern"));
  }
  c.flags = flags;
  c.code_cap = 32;
  c.code = rt_gc_alloc(c.code_cap * sizeof(re_word_t), RT_GC_LEAF);
  // Inline global flags come first; verbose mode changes how the rest parses.
  parse_alternation(&c);
  if (!at_end(&c)) fail_at(&c, c.i, "unbalanced parenthesis");
  emit(&c, OP_MATCH);
  re_pattern_t *p = rt_gc_alloc(sizeof *p, 0);
  p->type = &re_pattern_type;
  p->pattern = pattern;
  p->code = rt_gc_realloc(c.code, c.code_len * sizeof(re_word_t));
  p->code_len = (uint32_t)c.code_len;
  p->ngroups = (uint16_t)c.ngroups;
  p->nregs = (uint16_t)c.nregs;
  p->flags = (uint16_t)c.flags;
  p->is_bytes = is_bytes;
  p->names = c.names;
  return rt_val(p);
}

// ---------------------------------------------------------------- matcher

enum { BT_BRANCH, BT_RESTORE, BT_GREEDY, BT_LAZY };

typedef struct {
  intptr_t head; // (pc << 2) | kind, or (slot << 2) | BT_RESTORE
  intptr_t a, b;
} re_entry_t;

typedef struct {
  const re_pattern_t *re;
  const uint8_t *s;
  size_t len; // the end (endpos) in bytes
  bool utf8;
  bool unicode;
  bool icase;
  intptr_t *slots; // 2 * (ngroups + 1) spans, lastindex, then the loop registers
  size_t nslots;
  re_entry_t *stack;
  size_t depth, cap;
  size_t steps;
  size_t start;      // where this attempt began
  bool must_advance; // an empty match at [start] is refused (after an empty match)
  bool full;         // fullmatch: the match must end at len
} re_matcher_t;

static void push(re_matcher_t *m, intptr_t head, intptr_t a, intptr_t b) {
  if (m->depth == m->cap) {
    if (m->cap >= RE_BACKTRACK_MAX)
      rt_raise_msg(&rt_exc_RuntimeError, RT_MSG("maximum recursion limit exceeded in re (backtracking)"));
    size_t cap = m->cap * 2;
    m->stack = rt_gc_realloc(m->stack, cap * sizeof(re_entry_t));
    m->cap = cap;
  }
  re_entry_t *e = &m->stack[m->depth++];
  e->head = head;
  e->a = a;
  e->b = b;
}

static void set_slot(re_matcher_t *m, size_t slot, intptr_t v) {
  push(m, (intptr_t)(slot << 2) | BT_RESTORE, m->slots[slot], 0);
  m->slots[slot] = v;
}

static int char_at(const re_matcher_t *m, size_t pos, size_t *next) {
  *next = pos;
  return decode_at(m->s, m->len, next, m->utf8);
}

static size_t prev_pos(const re_matcher_t *m, size_t pos) {
  pos--;
  if (m->utf8)
    while (pos > 0 && (m->s[pos] & 0xc0) == 0x80)
      pos--;
  return pos;
}

static bool class_match(const re_matcher_t *m, const re_word_t *cls, int ch) {
  int pairs = cls[1];
  bool found = false;
  for (int k = 0; k < pairs && !found; k++) {
    int lo = cls[3 + 2 * k], hi = cls[4 + 2 * k];
    if (lo < 0) {
      found = in_category(-lo - 1, ch, m->unicode);
    } else {
      found = ch >= lo && ch <= hi;
      if (!found && m->icase) {
        int other = ch >= 'a' && ch <= 'z' ? ch - 32 : fold(ch);
        found = other >= lo && other <= hi;
      }
    }
  }
  return found != (cls[2] != 0);
}

// Does the one-character instruction at [pc] match at [pos]? Sets *next.
static bool atom_match(const re_matcher_t *m, size_t pc, size_t pos, size_t *next) {
  if (pos >= m->len) return false;
  const re_word_t *code = m->re->code;
  int ch = char_at(m, pos, next);
  switch (code[pc]) {
  case OP_CHAR: return (m->icase ? fold(ch) : ch) == code[pc + 1];
  case OP_ANY: return ch != '\n';
  case OP_ANYALL: return true;
  default: return class_match(m, code + pc, ch);
  }
}

static bool word_before(const re_matcher_t *m, size_t pos) {
  if (pos == 0) return false;
  size_t p = prev_pos(m, pos), dummy;
  return is_word(char_at(m, p, &dummy), m->unicode);
}

static bool word_after(const re_matcher_t *m, size_t pos) {
  size_t dummy;
  return pos < m->len && is_word(char_at(m, pos, &dummy), m->unicode);
}

static void poll_interrupt(re_matcher_t *m) {
  if ((++m->steps & 1023) != 0) return;
  hal_poll();
  if (rt_state->interrupt) {
    rt_state->interrupt = 0;
    rt_raise(rt_exc_new(&rt_exc_KeyboardInterrupt, 0, NULL));
  }
}

static bool run(re_matcher_t *m, size_t pc, size_t pos, size_t *end);

// A look-around at [pc]: runs its sub-program with a stack of its own
// part. A look-behind of width w starts w characters back and must end at
// [pos] (the subject is cut there meanwhile).
static bool lookaround(re_matcher_t *m, size_t pc, size_t pos) {
  rt_c_enter();
  size_t base = m->depth, end, saved_len = m->len;
  bool saved_must = m->must_advance, saved_full = m->full;
  m->must_advance = false;
  m->full = false;
  long width = m->re->code[pc + 3];
  size_t from = pos;
  bool ok = true;
  if (width >= 0) {
    for (long k = 0; k < width && ok; k++)
      if (from == 0)
        ok = false;
      else
        from = prev_pos(m, from);
    m->len = pos;
    m->full = true;
  }
  ok = ok && run(m, pc + 4, from, &end);
  m->len = saved_len;
  m->must_advance = saved_must;
  m->full = saved_full;
  // Undo what the sub-run recorded, except captures of a positive lookahead.
  while (m->depth > base) {
    re_entry_t *e = &m->stack[--m->depth];
    if ((e->head & 3) == BT_RESTORE && !(ok && !m->re->code[pc + 1])) m->slots[e->head >> 2] = e->a;
  }
  rt_c_leave();
  return ok != (m->re->code[pc + 1] != 0);
}

// Runs the program from [pc] at [pos] until OP_MATCH (true, *end set) or
// until every alternative failed (false). Entries pushed by this call are
// popped before it returns false.
static bool run(re_matcher_t *m, size_t pc, size_t pos, size_t *end) {
  const re_word_t *code = m->re->code;
  size_t base = m->depth;
  for (;;) {
    poll_interrupt(m);
    size_t next;
    switch (code[pc]) {
    case OP_CHAR:
    case OP_ANY:
    case OP_ANYALL:
    case OP_CLASS:
      if (!atom_match(m, pc, pos, &next)) goto fail;
      pos = next;
      pc += op_size(code, pc);
      continue;
    case OP_BOL:
      if (pos != 0) goto fail;
      pc++;
      continue;
    case OP_MBOL:
      if (pos != 0 && m->s[pos - 1] != '\n') goto fail;
      pc++;
      continue;
    case OP_EOL:
      if (pos != m->len && !(pos + 1 == m->len && m->s[pos] == '\n')) goto fail;
      pc++;
      continue;
    case OP_MEOL:
      if (pos != m->len && m->s[pos] != '\n') goto fail;
      pc++;
      continue;
    case OP_STR_BEGIN:
      if (pos != 0) goto fail;
      pc++;
      continue;
    case OP_STR_END:
      if (pos != m->len) goto fail;
      pc++;
      continue;
    case OP_WORDB:
    case OP_NWORDB:
      if ((word_before(m, pos) != word_after(m, pos)) != (code[pc] == OP_WORDB)) goto fail;
      pc++;
      continue;
    case OP_SAVE: {
      size_t slot = (size_t)code[pc + 1];
      set_slot(m, slot, (intptr_t)pos);
      if (slot & 1) set_slot(m, 2 * (m->re->ngroups + 1), (intptr_t)(slot / 2));
      pc += 2;
      continue;
    }
    case OP_SPLIT:
      push(m, (intptr_t)((pc + (size_t)code[pc + 2]) << 2) | BT_BRANCH, (intptr_t)pos, 0);
      pc += (size_t)code[pc + 1];
      continue;
    case OP_JMP: pc += (size_t)(intptr_t)code[pc + 1]; continue;
    case OP_MARK:
      set_slot(m, 2 * (m->re->ngroups + 1) + 1 + (size_t)code[pc + 1], (intptr_t)pos);
      pc += 2;
      continue;
    case OP_PROGRESS:
      // An iteration that matched empty ends the loop (skipping the JMP
      // back that follows) instead of going round again, as sre does.
      pc += m->slots[2 * (m->re->ngroups + 1) + 1 + (size_t)code[pc + 1]] == (intptr_t)pos ? 4 : 2;
      continue;
    case OP_BACKREF: {
      size_t g = (size_t)code[pc + 1];
      intptr_t s = m->slots[2 * g], e = m->slots[2 * g + 1];
      if (s < 0 || e < 0) goto fail;
      size_t glen = (size_t)(e - s);
      if (pos + glen > m->len) goto fail;
      for (size_t k = 0; k < glen; k++) {
        int a = m->s[s + (intptr_t)k], b = m->s[pos + k];
        if (a != b && !(m->icase && fold(a) == fold(b))) goto fail;
      }
      pos += glen;
      pc += 2;
      continue;
    }
    case OP_LOOK:
      if (!lookaround(m, pc, pos)) goto fail;
      pc += op_size(code, pc);
      continue;
    case OP_REPEAT: {
      long min = code[pc + 1], max = code[pc + 2];
      size_t atom = pc + 5, after = pc + op_size(code, pc), p = pos, minpos = pos;
      long count = 0;
      if (code[pc + 3]) {
        while ((max < 0 || count < max) && atom_match(m, atom, p, &next)) {
          p = next;
          if (++count == min) minpos = p;
          if ((count & 255) == 0) poll_interrupt(m);
        }
        if (count < min) goto fail;
        if (p > minpos) push(m, (intptr_t)(pc << 2) | BT_GREEDY, (intptr_t)p, (intptr_t)minpos);
      } else {
        for (; count < min; count++) {
          if (!atom_match(m, atom, p, &next)) goto fail;
          p = next;
        }
        if (max < 0 || count < max) push(m, (intptr_t)(pc << 2) | BT_LAZY, (intptr_t)p, (intptr_t)count);
      }
      pos = p;
      pc = after;
      continue;
    }
    case OP_MATCH:
      if (m->must_advance && pos == m->start) goto fail;
      if (m->full && pos != m->len) goto fail;
      *end = pos;
      return true;
    }
  fail:
    for (;;) {
      if (m->depth == base) return false;
      re_entry_t e = m->stack[--m->depth];
      size_t at = (size_t)(e.head >> 2);
      switch (e.head & 3) {
      case BT_RESTORE: m->slots[at] = e.a; continue;
      case BT_BRANCH:
        pc = at;
        pos = (size_t)e.a;
        break;
      case BT_GREEDY: {
        // Give back one character; when a literal follows, skip the
        // positions where it cannot match.
        size_t p = (size_t)e.a, minpos = (size_t)e.b, after = at + op_size(code, at);
        int lit = code[after] == OP_CHAR && !m->icase ? code[after + 1] : -1;
        for (;;) {
          p = prev_pos(m, p);
          if (lit < 0 || p == minpos) break;
          size_t dummy;
          if (char_at(m, p, &dummy) == lit) break;
        }
        if (p > minpos) push(m, (intptr_t)(at << 2) | BT_GREEDY, (intptr_t)p, (intptr_t)minpos);
        pc = after;
        pos = p;
        break;
      }
      default: { // BT_LAZY: take one more
        long max = code[at + 2], count = e.b + 1;
        size_t next_pos;
        if (!atom_match(m, at + 5, (size_t)e.a, &next_pos)) continue;
        if (max < 0 || count < max) push(m, (intptr_t)(at << 2) | BT_LAZY, (intptr_t)next_pos, count);
        pc = at + op_size(code, at);
        pos = next_pos;
        break;
      }
      }
      break;
    }
  }
}

// The subject of a match: its bytes and whether it is text.
typedef struct {
  rt_val_t value;
  const uint8_t *s;
  size_t len;
  bool is_str, ascii;
} re_subject_t;

static void subject_get(const re_pattern_t *re, rt_val_t v, re_subject_t *out) {
  out->value = v;
  if (rt_is_str(v)) {
    if (re->is_bytes)
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("cannot use a bytes pattern on a string-like object"));
    out->s = (const uint8_t *)rt_str_data(v, &out->len);
    out->is_str = true;
    out->ascii = rt_str_is_ascii(v);
    return;
  }
  if (!rt_bytes_buffer(v, &out->s, &out->len))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("expected string or bytes-like object, got '%t'"), v);
  if (!re->is_bytes)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("cannot use a string pattern on a bytes-like object"));
  out->is_str = false;
  out->ascii = true;
}

// Character index <-> byte offset in the subject.
static size_t to_byte(const re_subject_t *sub, intptr_t index) {
  if (index <= 0) return 0;
  if (sub->ascii) return (size_t)index < sub->len ? (size_t)index : sub->len;
  return rt_str_char_offset((const char *)sub->s, sub->len, (size_t)index);
}

static intptr_t to_index(const re_subject_t *sub, intptr_t byte) {
  if (byte < 0 || sub->ascii) return byte;
  return (intptr_t)rt_str_char_count((const char *)sub->s, (size_t)byte);
}

typedef enum { MODE_SEARCH, MODE_MATCH, MODE_FULL } re_mode_t;

// Looks for a match in sub[from, end) (bytes); returns a Match or None.
// [must_advance]: refuse an empty match at [from].
static rt_val_t find(const re_pattern_t *re, const re_subject_t *sub, size_t from, size_t end, re_mode_t mode,
                     bool must_advance, intptr_t pos_arg, intptr_t endpos_arg) {
  re_matcher_t m = {0};
  m.re = re;
  m.s = sub->s;
  m.len = end;
  m.utf8 = sub->is_str && !sub->ascii;
  m.unicode = sub->is_str && !(re->flags & RE_A);
  m.icase = (re->flags & RE_I) != 0;
  m.nslots = 2 * ((size_t)re->ngroups + 1) + 1 + re->nregs;
  m.slots = rt_gc_alloc(m.nslots * sizeof(intptr_t), RT_GC_LEAF);
  m.cap = 16;
  m.stack = rt_gc_alloc(m.cap * sizeof(re_entry_t), RT_GC_LEAF);
  m.full = mode == MODE_FULL;
  // A pattern starting with a literal character is only tried where it occurs.
  int first = re->code[0] == OP_CHAR && !m.icase ? re->code[1] : -1;
  bool anchored = mode != MODE_SEARCH || (re->code[0] == OP_BOL || re->code[0] == OP_STR_BEGIN);
  size_t p = from, match_end = 0;
  bool found = false;
  for (;;) {
    if (first < 0 || first >= 0x80 || (p < end && m.s[p] == first)) {
      for (size_t k = 0; k < m.nslots; k++)
        m.slots[k] = -1;
      m.depth = 0;
      m.start = p;
      m.must_advance = must_advance && p == from;
      if (run(&m, 0, p, &match_end)) {
        found = true;
        break;
      }
    }
    if (anchored || p >= end) break;
    p += 1;
    if (m.utf8)
      while (p < end && (m.s[p] & 0xc0) == 0x80)
        p++;
  }
  rt_gc_free(m.stack);
  if (!found) {
    rt_gc_free(m.slots);
    return RT_NONE;
  }
  re_match_t *mt = rt_gc_alloc(sizeof *mt, 0);
  mt->type = &re_match_type;
  mt->re = (re_pattern_t *)re;
  mt->string = sub->value;
  mt->pos = pos_arg;
  mt->endpos = endpos_arg;
  mt->ngroups = re->ngroups;
  mt->spans = m.slots;
  mt->spans[0] = (intptr_t)p;
  mt->spans[1] = (intptr_t)match_end;
  mt->lastindex = (int)m.slots[2 * ((size_t)re->ngroups + 1)];
  return rt_val(mt);
}

// ---------------------------------------------------------------- match objects

#define MT(v) ((re_match_t *)(v))
#define PT(v) ((re_pattern_t *)(v))

static void match_subject(const re_match_t *mt, re_subject_t *sub) {
  subject_get(mt->re, mt->string, sub);
}

// The group number named by [g] (int or name); IndexError when unknown.
static size_t group_index(const re_match_t *mt, rt_val_t g) {
  if (rt_is_small(g) || rt_is_obj(g, &rt_int_type) || g == RT_TRUE || g == RT_FALSE) {
    intptr_t i = rt_is_small(g) ? rt_small_get(g) : -1;
    if (g == RT_TRUE) i = 1;
    if (g == RT_FALSE) i = 0;
    if (i >= 0 && i <= mt->ngroups) return (size_t)i;
  } else if (rt_is_str(g) && mt->re->names) {
    rt_val_t i = rt_dict_get(mt->re->names, g);
    if (i) return (size_t)rt_small_get(i);
  }
  rt_raise_msg(&rt_exc_IndexError, RT_MSG("no such group"));
}

// Group [i] as a value of the subject's type, or [dflt] when unmatched.
static rt_val_t group_value(const re_match_t *mt, size_t i, rt_val_t dflt) {
  intptr_t s = mt->spans[2 * i], e = mt->spans[2 * i + 1];
  if (s < 0 || e < 0) return dflt;
  re_subject_t sub;
  match_subject(mt, &sub);
  if (sub.is_str) return rt_str_new((const char *)sub.s + s, (size_t)(e - s));
  return rt_bytes_new((const char *)sub.s + s, (size_t)(e - s));
}

static rt_val_t m_group(ARGS) {
  (void)kw;
  const re_match_t *mt = MT(args[0]);
  if (n <= 2) return group_value(mt, n == 1 ? 0 : group_index(mt, args[1]), RT_NONE);
  rt_val_t t = rt_tuple_new(n - 1, NULL);
  rt_val_t *items;
  rt_obj_get_items(t, &items);
  for (size_t k = 1; k < n; k++)
    items[k - 1] = group_value(mt, group_index(mt, args[k]), RT_NONE);
  return t;
}

static rt_val_t default_arg(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  if (n > 1) return args[1];
  rt_val_t d = rt_kw_get(kw, RT_QV(default));
  return d ? d : RT_NONE;
}

static rt_val_t m_groups(ARGS) {
  const re_match_t *mt = MT(args[0]);
  rt_val_t dflt = default_arg(n, args, kw);
  rt_val_t t = rt_tuple_new(mt->ngroups, NULL);
  rt_val_t *items;
  rt_obj_get_items(t, &items);
  for (size_t k = 1; k <= mt->ngroups; k++)
    items[k - 1] = group_value(mt, k, dflt);
  return t;
}

static rt_val_t m_groupdict(ARGS) {
  const re_match_t *mt = MT(args[0]);
  rt_val_t dflt = default_arg(n, args, kw);
  rt_dict_t *d = rt_dict_new(4);
  if (mt->re->names) {
    size_t pos = 0;
    rt_dict_entry_t *e;
    while ((e = rt_dict_next(mt->re->names, &pos)))
      rt_dict_set(d, e->key, group_value(mt, (size_t)rt_small_get(e->value), dflt));
  }
  return rt_val(d);
}

static intptr_t span_part(const re_match_t *mt, size_t n, const rt_val_t *args, int which) {
  size_t g = n > 1 ? group_index(mt, args[1]) : 0;
  re_subject_t sub;
  match_subject(mt, &sub);
  return to_index(&sub, mt->spans[2 * g + (size_t)which]);
}

static rt_val_t m_start(ARGS) {
  (void)kw;
  return rt_int_from(span_part(MT(args[0]), n, args, 0));
}

static rt_val_t m_end(ARGS) {
  (void)kw;
  return rt_int_from(span_part(MT(args[0]), n, args, 1));
}

static rt_val_t m_span(ARGS) {
  (void)kw;
  rt_val_t pair[2] = {rt_int_from(span_part(MT(args[0]), n, args, 0)),
                      rt_int_from(span_part(MT(args[0]), n, args, 1))};
  return rt_tuple_new(2, pair);
}

static void expand_template(const re_pattern_t *re, const re_match_t *mt, rt_val_t tmpl, rt_vstr_t *out);

static rt_val_t m_expand(ARGS) {
  (void)n, (void)kw;
  const re_match_t *mt = MT(args[0]);
  rt_vstr_t v;
  rt_vstr_init(&v, 16);
  expand_template(mt->re, mt, args[1], &v);
  rt_val_t r = mt->re->is_bytes ? rt_bytes_new(v.buf, v.len) : rt_str_new(v.buf, v.len);
  rt_vstr_free(&v);
  return r;
}

static void match_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  const re_match_t *mt = MT(self);
  re_subject_t sub;
  match_subject(mt, &sub);
  rt_print_format(p, "<re.Match object; span=(%d, %d), match=%r>", (int)to_index(&sub, mt->spans[0]),
                  (int)to_index(&sub, mt->spans[1]), group_value(mt, 0, RT_NONE));
}

static rt_val_t match_subscr(rt_val_t self, rt_val_t index, rt_val_t value) {
  if (value != RT_NULL)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("'re.Match' object does not support item assignment"));
  return group_value(MT(self), group_index(MT(self), index), RT_NONE);
}

static rt_val_t match_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  if (store != RT_NULL) return RT_NULL;
  const re_match_t *mt = MT(self);
  if (name == RT_QV(string)) return mt->string;
  if (name == RT_QV(re)) return rt_val(mt->re);
  if (name == RT_QV(pos)) return rt_int_from(mt->pos);
  if (name == RT_QV(endpos)) return rt_int_from(mt->endpos);
  if (name == RT_QV(lastindex)) return mt->lastindex > 0 ? rt_small(mt->lastindex) : RT_NONE;
  if (name == RT_QV(lastgroup)) {
    if (mt->lastindex <= 0 || !mt->re->names) return RT_NONE;
    size_t pos = 0;
    rt_dict_entry_t *e;
    while ((e = rt_dict_next(mt->re->names, &pos)))
      if (rt_small_get(e->value) == mt->lastindex) return e->key;
    return RT_NONE;
  }
  return RT_NULL;
}

static RT_BUILTIN(m_group_obj, group, 1, RT_ARGS_ANY, 0, m_group);
static RT_BUILTIN(m_groups_obj, groups, 1, 2, RT_BF_KW, m_groups);
static RT_BUILTIN(m_groupdict_obj, groupdict, 1, 2, RT_BF_KW, m_groupdict);
static RT_BUILTIN(m_start_obj, start, 1, 2, 0, m_start);
static RT_BUILTIN(m_end_obj, end, 1, 2, 0, m_end);
static RT_BUILTIN(m_span_obj, span, 1, 2, 0, m_span);
static RT_BUILTIN(m_expand_obj, expand, 2, 2, 0, m_expand);
static const rt_method_t match_methods[] = {
    {RT_Q_group, &m_group_obj},
    {RT_Q_groups, &m_groups_obj},
    {RT_Q_groupdict, &m_groupdict_obj},
    {RT_Q_start, &m_start_obj},
    {RT_Q_end, &m_end_obj},
    {RT_Q_span, &m_span_obj},
    {RT_Q_expand, &m_expand_obj},
    {0, NULL},
};

const rt_type_t re_match_type = {
    .type = &rt_type_type,
    .name = RT_Q_Match,
    .base = &rt_object_type,
    .methods = match_methods,
    .print = match_print,
    .subscr = match_subscr,
    .attr = match_attr,
};

// ---------------------------------------------------------------- templates (sub)

// Appends the expansion of template [tmpl] for match [mt] to [out]; with
// [mt] NULL only checks the template (group numbers against [re]).
static void expand_template(const re_pattern_t *re, const re_match_t *mt, rt_val_t tmpl, rt_vstr_t *out) {
  const uint8_t *t;
  size_t len;
  if (re->is_bytes) {
    if (!rt_bytes_buffer(tmpl, &t, &len))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("expected a bytes-like object, %t found"), tmpl);
  } else {
    if (!rt_is_str(tmpl)) rt_raise_msg(&rt_exc_TypeError, RT_MSG("expected str instance, %t found"), tmpl);
    t = (const uint8_t *)rt_str_data(tmpl, &len);
  }
  size_t i = 0;
  while (i < len) {
    size_t lit = i;
    while (i < len && t[i] != '\\')
      i++;
    if (mt && i > lit) rt_vstr_add(out, (const char *)t + lit, i - lit);
    if (i >= len) break;
    size_t at = i++;
    if (i >= len) raise_error(tmpl, at, rt_str_new_cstr("bad escape (end of pattern)"));
    int ch = t[i++];
    long g = -1;
    if (ch == 'g') {
      if (i >= len || t[i] != '<') raise_error(tmpl, i, rt_str_new_cstr("missing <"));
      size_t name_at = ++i;
      while (i < len && t[i] != '>')
        i++;
      if (i >= len) raise_error(tmpl, name_at, rt_str_new_cstr("missing >, unterminated name"));
      size_t nlen = i - name_at;
      i++;
      bool digits = nlen > 0;
      long v = 0;
      for (size_t k = 0; k < nlen; k++) {
        digits = digits && is_digit(t[name_at + k]);
        if (digits) v = v * 10 + (t[name_at + k] - '0');
      }
      rt_val_t name = rt_str_new((const char *)t + name_at, nlen);
      if (digits) {
        g = v;
        if (g > re->ngroups) {
          raise_error(tmpl, name_at, fmt_str("invalid group reference %d", (int)g));
        }
      } else {
        rt_val_t gi = re->names && nlen ? rt_dict_get(re->names, name) : RT_NULL;
        if (!gi) {
          if (nlen == 0) raise_error(tmpl, name_at, rt_str_new_cstr("missing group name"));
          rt_raise_msg(&rt_exc_IndexError, RT_MSG("unknown group name %r"), name);
        }
        g = rt_small_get(gi);
      }
    } else if (ch >= '1' && ch <= '9') {
      g = ch - '0';
      if (i < len && is_digit(t[i])) g = g * 10 + (t[i++] - '0');
      if (g > re->ngroups) raise_error(tmpl, at + 1, fmt_str("invalid group reference %d", (int)g));
    } else if (ch == '0') {
      int v = 0;
      for (int k = 0; k < 2 && i < len && t[i] >= '0' && t[i] <= '7'; k++)
        v = v * 8 + (t[i++] - '0');
      if (mt) rt_vstr_addc(out, (char)v);
      continue;
    } else {
      const char *escapes = "n\nt\tr\rf\fv\va\ab\b\\\\";
      const char *e = NULL;
      for (const char *q = escapes; *q; q += 2)
        if (*q == ch) e = q + 1;
      if (!e && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))) {
        raise_error(tmpl, at, fmt_str("bad escape \\%c", ch));
      }
      if (mt) {
        if (e) {
          rt_vstr_addc(out, *e);
        } else {
          rt_vstr_addc(out, '\\');
          rt_vstr_addc(out, (char)ch);
        }
      }
      continue;
    }
    if (mt) {
      intptr_t s = mt->spans[2 * g], e = mt->spans[2 * g + 1];
      re_subject_t sub;
      match_subject(mt, &sub);
      if (s >= 0 && e >= 0) rt_vstr_add(out, (const char *)sub.s + s, (size_t)(e - s));
    }
  }
}

// ---------------------------------------------------------------- pattern methods

// string, pos, endpos of a search call (args after self).
typedef struct {
  re_subject_t sub;
  size_t from, end;
  intptr_t pos, endpos;
} re_span_args_t;

static intptr_t int_arg(rt_val_t v) {
  return rt_obj_get_int(v);
}

static void span_args(const re_pattern_t *re, size_t n, const rt_val_t *args, const rt_kw_t *kw, size_t first,
                      re_span_args_t *out) {
  rt_val_t string = n > first ? args[first] : rt_kw_get(kw, RT_QV(string));
  if (!string) rt_raise_msg(&rt_exc_TypeError, RT_MSG("missing required argument 'string'"));
  subject_get(re, string, &out->sub);
  rt_val_t pos = n > first + 1 ? args[first + 1] : rt_kw_get(kw, RT_QV(pos));
  rt_val_t endpos = n > first + 2 ? args[first + 2] : rt_kw_get(kw, RT_QV(endpos));
  size_t nchars = out->sub.ascii ? out->sub.len : rt_str_char_count((const char *)out->sub.s, out->sub.len);
  intptr_t p = pos ? int_arg(pos) : 0, e = endpos ? int_arg(endpos) : (intptr_t)nchars;
  if (p < 0) p = 0;
  if (e > (intptr_t)nchars) e = (intptr_t)nchars;
  if (e < p) e = p;
  out->pos = p;
  out->endpos = e;
  out->from = to_byte(&out->sub, p);
  out->end = to_byte(&out->sub, e);
}

static rt_val_t do_find(size_t n, const rt_val_t *args, const rt_kw_t *kw, re_mode_t mode) {
  const re_pattern_t *re = PT(args[0]);
  re_span_args_t a;
  span_args(re, n, args, kw, 1, &a);
  return find(re, &a.sub, a.from, a.end, mode, false, a.pos, a.endpos);
}

static rt_val_t p_match(ARGS) {
  return do_find(n, args, kw, MODE_MATCH);
}
static rt_val_t p_search(ARGS) {
  return do_find(n, args, kw, MODE_SEARCH);
}
static rt_val_t p_fullmatch(ARGS) {
  return do_find(n, args, kw, MODE_FULL);
}

// Steps through the non-overlapping matches of [re] in the subject:
// returns the next one (None at the end) and advances *from/*must_advance
// as CPython does (an empty match right after a match is allowed, but not
// two at the same place).
static rt_val_t next_match(const re_pattern_t *re, const re_span_args_t *a, size_t *from,
                           bool *must_advance) {
  if (*from > a->end) return RT_NONE;
  rt_val_t m = find(re, &a->sub, *from, a->end, MODE_SEARCH, *must_advance, a->pos, a->endpos);
  if (m == RT_NONE) {
    *from = a->end + 1;
    return m;
  }
  size_t s = (size_t)MT(m)->spans[0], e = (size_t)MT(m)->spans[1];
  *must_advance = e == s;
  *from = e;
  return m;
}

static rt_val_t count_arg(size_t n, const rt_val_t *args, const rt_kw_t *kw, size_t at, rt_val_t name) {
  rt_val_t v = n > at ? args[at] : rt_kw_get(kw, name);
  return v ? v : rt_small(0);
}

// sub/subn with the pattern, replacement and string at args[0..2].
static rt_val_t do_sub(const re_pattern_t *re, rt_val_t repl, rt_val_t string, intptr_t count,
                       bool with_count) {
  re_span_args_t a;
  subject_get(re, string, &a.sub);
  a.pos = 0;
  a.from = 0;
  a.end = a.sub.len;
  a.endpos =
      a.sub.ascii ? (intptr_t)a.sub.len : (intptr_t)rt_str_char_count((const char *)a.sub.s, a.sub.len);
  bool callable =
      !rt_is_str(repl) && !rt_is_obj(repl, &rt_bytes_type) && !rt_is_obj(repl, &rt_bytearray_type);
  rt_vstr_t out = {0};
  if (!callable) {
    expand_template(re, NULL, repl, &out); // checks it before any match, as CPython does
  }
  rt_vstr_init(&out, a.sub.len + 8);
  size_t from = 0, copied = 0;
  bool must_advance = false;
  intptr_t done = 0;
  size_t pieces = 0; // CPython joins a list of pieces: errors name the item
  while (count <= 0 || done < count) {
    rt_val_t m = next_match(re, &a, &from, &must_advance);
    if (m == RT_NONE) break;
    size_t s = (size_t)MT(m)->spans[0], e = (size_t)MT(m)->spans[1];
    subject_get(re, string, &a.sub); // the callable may have run code; re-read
    rt_vstr_add(&out, (const char *)a.sub.s + copied, s - copied);
    pieces += s > copied;
    if (callable) {
      rt_val_t r = rt_obj_call1(repl, m);
      const uint8_t *rs = NULL;
      size_t rl = 0;
      if (r == RT_NONE) {
        // None stands for nothing
      } else if (re->is_bytes) {
        if (!rt_bytes_buffer(r, &rs, &rl))
          rt_raise_msg(&rt_exc_TypeError, RT_MSG("sequence item %z: expected a bytes-like object, %t found"),
                       pieces, r);
      } else {
        if (!rt_is_str(r))
          rt_raise_msg(&rt_exc_TypeError, RT_MSG("sequence item %z: expected str instance, %t found"), pieces,
                       r);
        rs = (const uint8_t *)rt_str_data(r, &rl);
      }
      pieces += r != RT_NONE;
      subject_get(re, string, &a.sub);
      if (rl) rt_vstr_add(&out, (const char *)rs, rl);
    } else {
      expand_template(re, MT(m), repl, &out);
    }
    copied = e;
    done++;
  }
  subject_get(re, string, &a.sub);
  rt_vstr_add(&out, (const char *)a.sub.s + copied, a.sub.len - copied);
  rt_val_t r = re->is_bytes ? rt_bytes_new(out.buf, out.len) : rt_str_new(out.buf, out.len);
  rt_vstr_free(&out);
  if (!with_count) return r;
  rt_val_t pair[2] = {r, rt_int_from(done)};
  return rt_tuple_new(2, pair);
}

static rt_val_t p_sub(ARGS) {
  return do_sub(PT(args[0]), args[1], args[2], int_arg(count_arg(n, args, kw, 3, RT_QV(count))), false);
}
static rt_val_t p_subn(ARGS) {
  return do_sub(PT(args[0]), args[1], args[2], int_arg(count_arg(n, args, kw, 3, RT_QV(count))), true);
}

static rt_val_t slice_of(const re_subject_t *sub, size_t s, size_t e) {
  if (sub->is_str) return rt_str_new((const char *)sub->s + s, e - s);
  return rt_bytes_new((const char *)sub->s + s, e - s);
}

static rt_val_t do_split(const re_pattern_t *re, rt_val_t string, intptr_t maxsplit) {
  re_span_args_t a;
  subject_get(re, string, &a.sub);
  a.pos = 0;
  a.from = 0;
  a.end = a.sub.len;
  a.endpos = 0;
  rt_val_t list = rt_list_new(0);
  size_t from = 0, last = 0;
  bool must_advance = false;
  intptr_t done = 0;
  while (maxsplit <= 0 || done < maxsplit) {
    rt_val_t m = next_match(re, &a, &from, &must_advance);
    if (m == RT_NONE) break;
    rt_list_append(list, slice_of(&a.sub, last, (size_t)MT(m)->spans[0]));
    for (size_t g = 1; g <= re->ngroups; g++)
      rt_list_append(list, group_value(MT(m), g, RT_NONE));
    last = (size_t)MT(m)->spans[1];
    done++;
  }
  rt_list_append(list, slice_of(&a.sub, last, a.sub.len));
  return list;
}

static rt_val_t p_split(ARGS) {
  return do_split(PT(args[0]), args[1], int_arg(count_arg(n, args, kw, 2, RT_QV(maxsplit))));
}

static rt_val_t findall_item(const re_pattern_t *re, rt_val_t m) {
  rt_val_t empty = re->is_bytes ? rt_bytes_new("", 0) : RT_QV(_empty);
  if (re->ngroups == 0) return group_value(MT(m), 0, empty);
  if (re->ngroups == 1) return group_value(MT(m), 1, empty);
  rt_val_t t = rt_tuple_new(re->ngroups, NULL);
  rt_val_t *items;
  rt_obj_get_items(t, &items);
  for (size_t g = 1; g <= re->ngroups; g++)
    items[g - 1] = group_value(MT(m), g, empty);
  return t;
}

static rt_val_t p_findall(ARGS) {
  const re_pattern_t *re = PT(args[0]);
  re_span_args_t a;
  span_args(re, n, args, kw, 1, &a);
  rt_val_t list = rt_list_new(0);
  size_t from = a.from;
  bool must_advance = false;
  for (;;) {
    rt_val_t m = next_match(re, &a, &from, &must_advance);
    if (m == RT_NONE) break;
    rt_list_append(list, findall_item(re, m));
  }
  return list;
}

// finditer's iterator: the pattern, the subject and where to go on.
typedef struct {
  const rt_type_t *type;
  re_pattern_t *re;
  rt_val_t string;
  intptr_t pos, endpos;
  size_t from;
  bool must_advance;
} re_scanner_t;

static rt_val_t p_finditer(ARGS) {
  re_pattern_t *re = PT(args[0]);
  re_span_args_t a;
  span_args(re, n, args, kw, 1, &a);
  re_scanner_t *it = rt_gc_alloc(sizeof *it, 0);
  it->type = &re_scanner_type;
  it->re = re;
  it->string = a.sub.value;
  it->pos = a.pos;
  it->endpos = a.endpos;
  it->from = a.from;
  return rt_val(it);
}

static rt_val_t scanner_next(rt_val_t self) {
  re_scanner_t *it = (re_scanner_t *)self;
  re_span_args_t a;
  subject_get(it->re, it->string, &a.sub);
  a.pos = it->pos;
  a.endpos = it->endpos;
  a.from = to_byte(&a.sub, it->pos);
  a.end = to_byte(&a.sub, it->endpos);
  rt_val_t m = next_match(it->re, &a, &it->from, &it->must_advance);
  return m == RT_NONE ? RT_NULL : m;
}

const rt_type_t re_scanner_type = {
    .type = &rt_type_type,
    .name = RT_Q_iterator,
    .flags = RT_TYPE_ITER_SELF,
    .base = &rt_object_type,
    .iternext = scanner_next,
};

static void pattern_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  const re_pattern_t *re = PT(self);
  rt_print_format(p, "re.compile(%r", re->pattern);
  static const struct {
    unsigned flag;
    const char *name;
  } names[] = {{RE_I, "re.IGNORECASE"},
               {RE_M, "re.MULTILINE"},
               {RE_S, "re.DOTALL"},
               {RE_X, "re.VERBOSE"},
               {RE_A, "re.ASCII"}};
  bool first = true;
  for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
    if (re->flags & names[k].flag) {
      rt_print_cstr(p, first ? ", " : "|");
      rt_print_cstr(p, names[k].name);
      first = false;
    }
  }
  rt_print_cstr(p, ")");
}

static rt_val_t pattern_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  if (store != RT_NULL) return RT_NULL;
  const re_pattern_t *re = PT(self);
  if (name == RT_QV(pattern)) return re->pattern;
  if (name == RT_QV(flags)) return rt_small(re->flags);
  if (name == RT_QV(groups)) return rt_small(re->ngroups);
  if (name == RT_QV(groupindex)) return rt_val(re->names ? rt_dict_copy(re->names) : rt_dict_new(0));
  return RT_NULL;
}

static rt_val_t pattern_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  if (op != RT_BINARY_EQ) return RT_NULL;
  if (!rt_is_obj(b, &re_pattern_type)) return RT_FALSE;
  return rt_bool(PT(a)->flags == PT(b)->flags && rt_obj_eq(PT(a)->pattern, PT(b)->pattern));
}

static RT_BUILTIN(p_match_obj, match, 2, 4, RT_BF_KW, p_match);
static RT_BUILTIN(p_search_obj, search, 2, 4, RT_BF_KW, p_search);
static RT_BUILTIN(p_fullmatch_obj, fullmatch, 2, 4, RT_BF_KW, p_fullmatch);
static RT_BUILTIN(p_sub_obj, sub, 3, 4, RT_BF_KW, p_sub);
static RT_BUILTIN(p_subn_obj, subn, 3, 4, RT_BF_KW, p_subn);
static RT_BUILTIN(p_split_obj, split, 2, 3, RT_BF_KW, p_split);
static RT_BUILTIN(p_findall_obj, findall, 2, 4, RT_BF_KW, p_findall);
static RT_BUILTIN(p_finditer_obj, finditer, 2, 4, RT_BF_KW, p_finditer);
static const rt_method_t pattern_methods[] = {
    {RT_Q_match, &p_match_obj},     {RT_Q_search, &p_search_obj},     {RT_Q_fullmatch, &p_fullmatch_obj},
    {RT_Q_sub, &p_sub_obj},         {RT_Q_subn, &p_subn_obj},         {RT_Q_split, &p_split_obj},
    {RT_Q_findall, &p_findall_obj}, {RT_Q_finditer, &p_finditer_obj}, {0, NULL},
};

const rt_type_t re_pattern_type = {
    .type = &rt_type_type,
    .name = RT_Q_Pattern,
    .base = &rt_object_type,
    .methods = pattern_methods,
    .print = pattern_print,
    .binary = pattern_binary,
    .attr = pattern_attr,
};

// ---------------------------------------------------------------- module functions

static unsigned flags_arg(size_t n, const rt_val_t *args, const rt_kw_t *kw, size_t at) {
  rt_val_t f = n > at ? args[at] : rt_kw_get(kw, RT_QV(flags));
  return f ? (unsigned)rt_obj_get_int(f) : 0;
}

// The compiled pattern of [p] with [flags].
static rt_val_t get_pattern(rt_val_t p, unsigned flags) {
  if (rt_is_obj(p, &re_pattern_type)) {
    if (flags)
      rt_raise_msg(&rt_exc_ValueError, RT_MSG("cannot process flags argument with a compiled pattern"));
    return p;
  }
  return compile_pattern(p, flags);
}

static rt_val_t f_compile(ARGS) {
  return get_pattern(args[0], flags_arg(n, args, kw, 1));
}

static rt_val_t module_find(size_t n, const rt_val_t *args, const rt_kw_t *kw, re_mode_t mode) {
  rt_val_t re = get_pattern(args[0], flags_arg(n, args, kw, 2));
  rt_val_t call[2] = {re, args[1]};
  return do_find(2, call, NULL, mode);
}

static rt_val_t f_match(ARGS) {
  return module_find(n, args, kw, MODE_MATCH);
}
static rt_val_t f_search(ARGS) {
  return module_find(n, args, kw, MODE_SEARCH);
}
static rt_val_t f_fullmatch(ARGS) {
  return module_find(n, args, kw, MODE_FULL);
}

static rt_val_t f_sub_common(size_t n, const rt_val_t *args, const rt_kw_t *kw, bool with_count) {
  rt_val_t re = get_pattern(args[0], flags_arg(n, args, kw, 4));
  return do_sub(PT(re), args[1], args[2], int_arg(count_arg(n, args, kw, 3, RT_QV(count))), with_count);
}
static rt_val_t f_sub(ARGS) {
  return f_sub_common(n, args, kw, false);
}
static rt_val_t f_subn(ARGS) {
  return f_sub_common(n, args, kw, true);
}

static rt_val_t f_split(ARGS) {
  rt_val_t re = get_pattern(args[0], flags_arg(n, args, kw, 3));
  return do_split(PT(re), args[1], int_arg(count_arg(n, args, kw, 2, RT_QV(maxsplit))));
}

static rt_val_t f_findall(ARGS) {
  rt_val_t call[2] = {get_pattern(args[0], flags_arg(n, args, kw, 2)), args[1]};
  return p_findall(2, call, NULL);
}

static rt_val_t f_finditer(ARGS) {
  rt_val_t call[2] = {get_pattern(args[0], flags_arg(n, args, kw, 2)), args[1]};
  return p_finditer(2, call, NULL);
}

static rt_val_t f_escape(ARGS) {
  (void)n, (void)kw;
  const uint8_t *s;
  size_t len;
  bool is_str = rt_is_str(args[0]);
  if (is_str)
    s = (const uint8_t *)rt_str_data(args[0], &len);
  else if (!rt_bytes_buffer(args[0], &s, &len))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("expected str or bytes, got '%t'"), args[0]);
  rt_vstr_t v;
  rt_vstr_init(&v, len + 8);
  static const char special[] = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f";
  for (size_t i = 0; i < len; i++) {
    if (s[i] && strchr(special, s[i])) rt_vstr_addc(&v, '\\');
    rt_vstr_addc(&v, (char)s[i]);
  }
  rt_val_t r = is_str ? rt_str_new(v.buf, v.len) : rt_bytes_new(v.buf, v.len);
  rt_vstr_free(&v);
  return r;
}

static RT_BUILTIN(compile_obj, compile, 1, 2, RT_BF_KW, f_compile);
static RT_BUILTIN(match_obj, match, 2, 3, RT_BF_KW, f_match);
static RT_BUILTIN(search_obj, search, 2, 3, RT_BF_KW, f_search);
static RT_BUILTIN(fullmatch_obj, fullmatch, 2, 3, RT_BF_KW, f_fullmatch);
static RT_BUILTIN(sub_obj, sub, 3, 5, RT_BF_KW, f_sub);
static RT_BUILTIN(subn_obj, subn, 3, 5, RT_BF_KW, f_subn);
static RT_BUILTIN(split_obj, split, 2, 4, RT_BF_KW, f_split);
static RT_BUILTIN(findall_obj, findall, 2, 3, RT_BF_KW, f_findall);
static RT_BUILTIN(finditer_obj, finditer, 2, 3, RT_BF_KW, f_finditer);
static RT_BUILTIN(escape_obj, escape, 1, 1, 0, f_escape);

void rt_re_init(rt_dict_t *g) {
  static const struct {
    unsigned short name;
    const rt_builtin_t *fn;
  } fns[] = {{RT_Q_compile, &compile_obj},     {RT_Q_match, &match_obj},     {RT_Q_search, &search_obj},
             {RT_Q_fullmatch, &fullmatch_obj}, {RT_Q_sub, &sub_obj},         {RT_Q_subn, &subn_obj},
             {RT_Q_split, &split_obj},         {RT_Q_findall, &findall_obj}, {RT_Q_finditer, &finditer_obj},
             {RT_Q_escape, &escape_obj}};
  for (size_t k = 0; k < sizeof fns / sizeof fns[0]; k++)
    rt_dict_set(g, rt_qstr_val(fns[k].name), rt_val(fns[k].fn));
  static const struct {
    unsigned short name;
    int value;
  } consts[] = {{RT_Q_I, RE_I}, {RT_Q_IGNORECASE, RE_I}, {RT_Q_M, RE_M}, {RT_Q_MULTILINE, RE_M},
                {RT_Q_S, RE_S}, {RT_Q_DOTALL, RE_S},     {RT_Q_X, RE_X}, {RT_Q_VERBOSE, RE_X},
                {RT_Q_A, RE_A}, {RT_Q_ASCII, RE_A}};
  for (size_t k = 0; k < sizeof consts / sizeof consts[0]; k++)
    rt_dict_set(g, rt_qstr_val(consts[k].name), rt_small(consts[k].value));
  rt_dict_set(g, RT_QV(Pattern), rt_val(&re_pattern_type));
  rt_dict_set(g, RT_QV(Match), rt_val(&re_match_type));
  // re.error: "class error(Exception)", as CPython has it.
  rt_module_add_exception(g, RT_QV(re), RT_QV(error), &rt_exc_Exception);
}
