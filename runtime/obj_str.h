// SPDX-License-Identifier: MIT
// obj_str.h: str. A str value is either a qstr (interned name) or an
// rt_str_t object; every function here accepts both. Strings are sequences
// of bytes (UTF-8 text is stored as is; len() counts bytes).
#ifndef RT_OBJ_STR_H
#define RT_OBJ_STR_H

#include "obj.h"

// Immutable once built; data[len] is always NUL. The top bits of [len]
// cache whether the text is pure ASCII (then bytes are characters) once
// that was first needed. No hash is stored: a short str then fits one GC
// block (7 bytes of text on the 32-bit target), and hashing is cheap.
typedef struct {
  const rt_type_t *type; // &rt_str_type
  uint32_t len;          // byte length | RT_STR_* flags
  char data[];
} rt_str_t;

#define RT_STR_LEN_MASK 0x3fffffffu
#define RT_STR_KNOWN 0x80000000u    // the ASCII flag below is valid
#define RT_STR_NONASCII 0x40000000u // some byte is >= 0x80 (UTF-8 text)

// A new str holding a copy of [n] bytes at [s]. Raises MemoryError.
rt_val_t rt_str_new(const char *s, size_t n);
rt_val_t rt_str_new_cstr(const char *s);
// A new str of [n] bytes to be filled in through *data before use.
rt_val_t rt_str_new_uninit(size_t n, char **data);
// The bytes of str value [v] (qstr or object); length to *len if not NULL.
const char *rt_str_data(rt_val_t v, size_t *len);
uintptr_t rt_str_hash(rt_val_t v);
bool rt_str_eq(rt_val_t a, rt_val_t b);
// True if str value [v] is pure ASCII (cached for objects).
bool rt_str_is_ascii(rt_val_t v);
// Characters (code points) in [n] bytes of UTF-8 at [s].
size_t rt_str_char_count(const char *s, size_t n);
// Byte offset of character [i] in [n] bytes of UTF-8 at [s] (n if past the end).
size_t rt_str_char_offset(const char *s, size_t n, size_t i);
// Raises TypeError unless [v] is a str; [what] names the context.
void rt_str_check(rt_val_t v, const char *what);
// Writes the repr of [n] bytes at [s] (CPython quoting and escapes).
void rt_str_print_repr(rt_printer_t *p, const char *s, size_t n);
// sep.join(iterable)
rt_val_t rt_str_join(rt_val_t sep, rt_val_t iterable);
// Concatenation of two str values.
rt_val_t rt_str_concat(rt_val_t a, rt_val_t b);

// The str methods that bytes and bytearray share: each works on any of
// the three types and returns results of self's type.
#define RT_STR_SHARED_METHODS(X)                                                                             \
  X(join)                                                                                                    \
  X(split)                                                                                                   \
  X(rsplit) X(splitlines) X(strip) X(lstrip) X(rstrip) X(upper) X(lower) X(capitalize) X(title) X(swapcase)  \
      X(isdigit) X(isalpha) X(isalnum) X(isspace) X(isupper) X(islower) X(startswith) X(endswith) X(find)    \
          X(rfind) X(index) X(rindex) X(count) X(replace) X(center) X(ljust) X(rjust) X(zfill) X(partition)  \
              X(rpartition) X(removeprefix) X(removesuffix)
#include "obj_func.h"
#define RT_STR_DECLARE_SHARED(name) extern const rt_builtin_t rt_str_##name##_obj;
RT_STR_SHARED_METHODS(RT_STR_DECLARE_SHARED)
#undef RT_STR_DECLARE_SHARED

#endif
