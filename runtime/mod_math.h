// SPDX-License-Identifier: MIT
// mod_math.h: the math module (C library math on doubles).
#ifndef RT_MOD_MATH_H
#define RT_MOD_MATH_H

#include "obj.h"

void rt_math_init(rt_dict_t *globals);

#endif
