// SPDX-License-Identifier: MIT
// lexer.h: turns bytes pulled from a reader into Python tokens, with
// INDENT/DEDENT tracking. Errors raise SyntaxError (or IndentationError)
// carrying the line and the 1-based column.
#ifndef RT_LEXER_H
#define RT_LEXER_H

#include "obj.h"
#include "vstr.h"

// A source of bytes: read() returns the next byte (0..255) or -1 at the end.
typedef struct {
  int (*read)(void *ctx);
  void *ctx;
} rt_reader_t;

// A reader over a memory buffer the caller keeps alive.
typedef struct {
  const char *p, *end;
} rt_mem_reader_t;
void rt_reader_mem(rt_reader_t *r, rt_mem_reader_t *m, const char *src, size_t len);

#define RT_TOKENS(X)                                                                                         \
  X(END, "end of input")                                                                                     \
  X(NEWLINE, "newline")                                                                                      \
  X(INDENT, "indent")                                                                                        \
  X(DEDENT, "dedent")                                                                                        \
  X(NAME, "name")                                                                                            \
  X(INT, "int")                                                                                              \
  X(FLOAT, "float")                                                                                          \
  X(STRING, "string")                                                                                        \
  X(BYTES, "bytes")                                                                                          \
  X(FSTRING, "f-string")                                                                                     \
  X(KW_FALSE, "False")                                                                                       \
  X(KW_NONE, "None")                                                                                         \
  X(KW_TRUE, "True")                                                                                         \
  X(KW_AND, "and")                                                                                           \
  X(KW_AS, "as")                                                                                             \
  X(KW_ASSERT, "assert")                                                                                     \
  X(KW_ASYNC, "async")                                                                                       \
  X(KW_AWAIT, "await")                                                                                       \
  X(KW_BREAK, "break")                                                                                       \
  X(KW_CLASS, "class")                                                                                       \
  X(KW_CONTINUE, "continue")                                                                                 \
  X(KW_DEF, "def")                                                                                           \
  X(KW_DEL, "del")                                                                                           \
  X(KW_ELIF, "elif")                                                                                         \
  X(KW_ELSE, "else")                                                                                         \
  X(KW_EXCEPT, "except")                                                                                     \
  X(KW_FINALLY, "finally")                                                                                   \
  X(KW_FOR, "for")                                                                                           \
  X(KW_FROM, "from")                                                                                         \
  X(KW_GLOBAL, "global")                                                                                     \
  X(KW_IF, "if")                                                                                             \
  X(KW_IMPORT, "import")                                                                                     \
  X(KW_IN, "in")                                                                                             \
  X(KW_IS, "is")                                                                                             \
  X(KW_LAMBDA, "lambda")                                                                                     \
  X(KW_NONLOCAL, "nonlocal")                                                                                 \
  X(KW_NOT, "not")                                                                                           \
  X(KW_OR, "or")                                                                                             \
  X(KW_PASS, "pass")                                                                                         \
  X(KW_RAISE, "raise")                                                                                       \
  X(KW_RETURN, "return")                                                                                     \
  X(KW_TRY, "try")                                                                                           \
  X(KW_WHILE, "while")                                                                                       \
  X(KW_WITH, "with")                                                                                         \
  X(KW_YIELD, "yield")                                                                                       \
  X(LPAREN, "(")                                                                                             \
  X(RPAREN, ")")                                                                                             \
  X(LBRACKET, "[")                                                                                           \
  X(RBRACKET, "]")                                                                                           \
  X(LBRACE, "{")                                                                                             \
  X(RBRACE, "}")                                                                                             \
  X(COMMA, ",")                                                                                              \
  X(COLON, ":")                                                                                              \
  X(SEMI, ";")                                                                                               \
  X(DOT, ".")                                                                                                \
  X(ELLIPSIS, "...")                                                                                         \
  X(ASSIGN, "=")                                                                                             \
  X(ARROW, "->")                                                                                             \
  X(WALRUS, ":=")                                                                                            \
  X(PLUS, "+")                                                                                               \
  X(MINUS, "-")                                                                                              \
  X(STAR, "*")                                                                                               \
  X(SLASH, "/")                                                                                              \
  X(DSLASH, "//")                                                                                            \
  X(PERCENT, "%")                                                                                            \
  X(DSTAR, "**")                                                                                             \
  X(AT, "@")                                                                                                 \
  X(LSHIFT, "<<")                                                                                            \
  X(RSHIFT, ">>")                                                                                            \
  X(AMP, "&")                                                                                                \
  X(PIPE, "|")                                                                                               \
  X(CARET, "^")                                                                                              \
  X(TILDE, "~")                                                                                              \
  X(LT, "<")                                                                                                 \
  X(GT, ">")                                                                                                 \
  X(LE, "<=")                                                                                                \
  X(GE, ">=")                                                                                                \
  X(EQ, "==")                                                                                                \
  X(NE, "!=")                                                                                                \
  X(PLUS_EQ, "+=")                                                                                           \
  X(MINUS_EQ, "-=")                                                                                          \
  X(STAR_EQ, "*=")                                                                                           \
  X(SLASH_EQ, "/=")                                                                                          \
  X(PERCENT_EQ, "%=")                                                                                        \
  X(DSTAR_EQ, "**=")                                                                                         \
  X(LSHIFT_EQ, "<<=")                                                                                        \
  X(RSHIFT_EQ, ">>=")                                                                                        \
  X(AMP_EQ, "&=")                                                                                            \
  X(PIPE_EQ, "|=")                                                                                           \
  X(CARET_EQ, "^=")                                                                                          \
  X(AT_EQ, "@=")                                                                                             \
  X(DSLASH_EQ, "//=")

typedef enum {
#define X(name, text) RT_TOK_##name,
  RT_TOKENS(X)
#undef X
} rt_tok_t;

#define RT_LEXER_MAX_INDENT 32
// Open brackets whose kind and place are kept for error messages ("'('
// was never closed", mismatched closers); deeper ones are only counted.
#define RT_LEXER_MAX_BRACKETS 8

typedef struct {
  rt_reader_t reader;
  int c0, c1, c2;    // lookahead bytes (-1 past the end)
  int line, col;     // position of c0 (1-based)
  int pend;          // a byte read after "\r", or -2
  bool eof;          // the reader has reported the end
  rt_val_t filename; // qstr
  // the current token
  rt_tok_t tok;
  int tok_line, tok_col;
  rt_val_t value; // NAME: qstr; INT/FLOAT/STRING: the value; FSTRING: raw body str
  rt_vstr_t buf;  // scratch for the token text
  // layout state
  uint16_t indents[RT_LEXER_MAX_INDENT];    // widths with tabs to multiples of 8
  uint8_t alt_indents[RT_LEXER_MAX_INDENT]; // the same with tabs as 1 (for TabError), capped at 255
  int n_indents;
  int pending_dedents;
  int paren_depth; // open brackets
  char bracket_ch[RT_LEXER_MAX_BRACKETS];
  uint16_t bracket_line[RT_LEXER_MAX_BRACKETS], bracket_col[RT_LEXER_MAX_BRACKETS];
  bool at_line_start;
  bool last_was_newline; // the previous token was NEWLINE (or none yet)
  bool ended;
  // One token of lookahead (rt_lexer_peek), for the soft keywords.
  bool has_peek;
  rt_tok_t peek_tok;
  int peek_line, peek_col;
  rt_val_t peek_value;
} rt_lexer_t;

// Starts lexing from [reader]; reads the first token. May raise.
void rt_lexer_init(rt_lexer_t *lx, rt_reader_t reader, rt_val_t filename);
// Advances to the next token. Raises SyntaxError.
void rt_lexer_next(rt_lexer_t *lx);
// The kind of the token after the current one, which stays current (its
// value, if any, is read once it is current). Raises SyntaxError.
rt_tok_t rt_lexer_peek(rt_lexer_t *lx);
// Raises SyntaxError (or [type]) at [line]/[col] with [msg].
__attribute__((noreturn)) void rt_lexer_error_at(const rt_type_t *type, rt_val_t filename, int line, int col,
                                                 const char *msg);
// The display text of token kind [t].
const char *rt_lexer_tok_text(rt_tok_t t);
// Decodes escapes of a string literal body into [out]; in [bytes]
// literals \xNN and octal escapes are single bytes, else code points.
void rt_lexer_unescape(rt_lexer_t *lx, const char *s, size_t n, bool raw, bool bytes, rt_vstr_t *out);
// Releases the scratch buffer.
void rt_lexer_free(rt_lexer_t *lx);

#endif
