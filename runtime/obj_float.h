// SPDX-License-Identifier: MIT
// obj_float.h: float (a boxed C double, or C float with RT_FLOAT_SINGLE).
#ifndef RT_OBJ_FLOAT_H
#define RT_OBJ_FLOAT_H

#include "obj.h"

// The stored precision (RT_FLOAT_SINGLE in rt_config.h) and the most
// significant digits repr may need to round-trip it.
#if RT_FLOAT_SINGLE
typedef float rt_float_store_t;
#define RT_FLOAT_REPR_DIGITS 9
#else
typedef double rt_float_store_t;
#define RT_FLOAT_REPR_DIGITS 17
#endif

typedef struct {
  const rt_type_t *type; // &rt_float_type
  rt_float_store_t value;
} rt_float_t;

rt_val_t rt_float_new(double d);
static inline double rt_float_get(rt_val_t v) {
  return (double)((rt_float_t *)v)->value;
}
// The float type's binary slot; [a] is a float, [b] an int, bool or float.
rt_val_t rt_float_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b);
// Writes repr(d) exactly as CPython does (shortest round-trip digits).
void rt_float_print_double(rt_printer_t *p, double d);
// Parses a float literal or float() argument; returns false if malformed.
bool rt_float_parse(const char *s, size_t n, double *out);

#endif
