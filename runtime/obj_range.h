// SPDX-License-Identifier: MIT
// obj_range.h: range and its iterator (the VM iterates it without
// allocating per step).
#ifndef RT_OBJ_RANGE_H
#define RT_OBJ_RANGE_H

#include "obj.h"
#include "obj_int.h"

// Bounds are 64-bit whatever the word size, so that range(2**40) works on
// the 32-bit chip as on the host; they are limited to |v| <= 2**61 so that
// no length or difference overflows. A range with a bound beyond that is
// marked by step 0 (never a valid step) and keeps the tuple (start, stop,
// step) of ints in [big] instead; only those are scanned by the collector.
typedef struct {
  const rt_type_t *type; // &rt_range_type
  union {
    struct {
      int64_t start, stop;
    };
    rt_val_t big;
  };
  int64_t step;
} rt_range_t;

typedef struct {
  const rt_type_t *type; // &rt_range_iter_type
  int64_t cur, stop, step;
} rt_range_iter_t;

extern const rt_type_t rt_range_iter_type;

// [x] as an int value: a small int when it fits, else a big one. Inline:
// the VM's FOR_ITER over a range calls it every step.
static inline rt_val_t rt_range_value(int64_t x) {
  if ((int64_t)(intptr_t)x == x && rt_small_fits((intptr_t)x)) return rt_small((intptr_t)x);
  return rt_int_from_ll((long long)x);
}

#endif
