// SPDX-License-Identifier: MIT
// obj_int.h: int. Values that fit the small-int tag are immediate; larger
// ones are rt_bigint_t objects of the same type (rt_int_type), created and
// demoted transparently: a result that fits is always a small int.
#ifndef RT_OBJ_INT_H
#define RT_OBJ_INT_H

#include "obj.h"

// Sign and magnitude; digits little-endian base 2^32, no leading zero
// digit, and never a value that fits a small int.
typedef struct {
  const rt_type_t *type; // &rt_int_type
  uint32_t neg;
  uint32_t len;
  uint32_t digits[];
} rt_bigint_t;

rt_val_t rt_int_from(intptr_t i);
rt_val_t rt_int_from_ll(long long i);
// Truncates [d] toward zero; raises OverflowError for inf, ValueError for nan.
rt_val_t rt_int_from_double(double d);
// Parses [n] bytes of digits in [base] (2..36, or 0 for a Python literal
// with optional prefix), with optional sign, surrounding whitespace and
// single underscores between digits. Returns RT_NULL if malformed.
rt_val_t rt_int_parse(const char *s, size_t n, int base);
double rt_int_to_double(rt_val_t v);
bool rt_int_is_neg(rt_val_t v);
// The low 64 bits of [v] in two's complement.
uint64_t rt_int_low64(rt_val_t v);
// -1, 0 or 1 as a < b, a == b, a > b (both ints).
int rt_int_cmp(rt_val_t a, rt_val_t b);
// The int type's binary slot, exposed for bool.
rt_val_t rt_int_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b);
// Writes [v] in [base] 2, 8, 10 or 16 with the Python prefix for non-10.
void rt_int_print_base(rt_printer_t *p, rt_val_t v, int base);

// The data attributes of ints and bools (real, imag, numerator,
// denominator); RT_NULL for other names and for stores.
rt_val_t rt_int_attr(rt_val_t self, rt_val_t name, rt_val_t store);

#endif
