// SPDX-License-Identifier: MIT
// mod_random.h: the random module (a xorshift generator, not CPython's
// Mersenne Twister: sequences differ from CPython's for the same seed).
#ifndef RT_MOD_RANDOM_H
#define RT_MOD_RANDOM_H

#include "obj.h"

void rt_random_init(rt_dict_t *globals);

#endif
