// SPDX-License-Identifier: MIT
// obj_float.h: float (a boxed C double).
#ifndef RT_OBJ_FLOAT_H
#define RT_OBJ_FLOAT_H

#include "obj.h"

typedef struct {
  const rt_type_t *type; // &rt_float_type
  double value;
} rt_float_t;

rt_val_t rt_float_new(double d);
static inline double rt_float_get(rt_val_t v) {
  return ((rt_float_t *)v)->value;
}
// The float type's binary slot; [a] is a float, [b] an int, bool or float.
rt_val_t rt_float_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b);
// Writes repr(d) exactly as CPython does (shortest round-trip digits).
void rt_float_print_double(rt_printer_t *p, double d);
// Parses a float literal or float() argument; returns false if malformed.
bool rt_float_parse(const char *s, size_t n, double *out);

#endif
