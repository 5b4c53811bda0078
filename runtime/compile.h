// SPDX-License-Identifier: MIT
// compile.h: compiles source (pulled through a reader) to a module code
// object. Parsing and compiling alternate one top-level statement at a
// time; each statement's syntax tree and scope tables become garbage as
// soon as it is compiled.
#ifndef RT_COMPILE_H
#define RT_COMPILE_H

#include "lexer.h"
#include "obj_func.h"

typedef enum {
  RT_COMPILE_FILE,   // a module or raw-REPL program
  RT_COMPILE_SINGLE, // friendly REPL input: expression statements print their repr
  RT_COMPILE_EVAL,   // a single expression whose value is returned
  // Flag or-ed into a mode: module-level names use LOAD_NAME/STORE_NAME, so
  // that exec()/eval() can give the code a separate locals mapping.
  RT_COMPILE_NAMES = 8,
} rt_compile_mode_t;

// Compiles everything [reader] yields. Raises SyntaxError (with lineno and
// offset attributes) or MemoryError.
rt_code_t *rt_compile(rt_reader_t reader, rt_val_t filename, rt_compile_mode_t mode);

#endif
