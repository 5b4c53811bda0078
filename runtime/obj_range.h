// SPDX-License-Identifier: MIT
// obj_range.h: range and its iterator (the VM iterates it without
// allocating per step).
#ifndef RT_OBJ_RANGE_H
#define RT_OBJ_RANGE_H

#include "obj.h"

typedef struct {
  const rt_type_t *type; // &rt_range_type
  intptr_t start, stop, step;
} rt_range_t;

typedef struct {
  const rt_type_t *type; // &rt_range_iter_type
  intptr_t cur, stop, step;
} rt_range_iter_t;

extern const rt_type_t rt_range_iter_type;

#endif
