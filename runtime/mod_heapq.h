// SPDX-License-Identifier: MIT
// mod_heapq.h: the heapq module (heappush, heappop, heapify, heapreplace,
// heappushpop) over lists, with CPython's algorithms so orders match.
#ifndef RT_MOD_HEAPQ_H
#define RT_MOD_HEAPQ_H

#include "obj.h"

void rt_heapq_init(rt_dict_t *globals);

#endif
