// SPDX-License-Identifier: MIT
// obj_slice.h: slice objects and their index arithmetic.
#ifndef RT_OBJ_SLICE_H
#define RT_OBJ_SLICE_H

#include "obj.h"

typedef struct {
  const rt_type_t *type;      // &rt_slice_type
  rt_val_t start, stop, step; // None when omitted
} rt_slice_t;

rt_val_t rt_slice_new(rt_val_t start, rt_val_t stop, rt_val_t step);
// Resolves [slice] against a sequence of [len] items: sets *start and
// *step and returns the number of selected items. Raises ValueError for a
// zero step and TypeError for non-int bounds.
size_t rt_slice_indices(rt_val_t slice, size_t len, intptr_t *start, intptr_t *step);
// slice.indices(len): the normalised start, stop and step. Raises.
void rt_slice_bounds(rt_val_t slice, size_t len, intptr_t *start, intptr_t *stop, intptr_t *step);

#endif
