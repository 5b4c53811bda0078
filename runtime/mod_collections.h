// SPDX-License-Identifier: MIT
// mod_collections.h: the collections module (namedtuple, deque,
// OrderedDict as dict).
#ifndef RT_MOD_COLLECTIONS_H
#define RT_MOD_COLLECTIONS_H

#include "obj.h"

void rt_collections_init(rt_dict_t *globals);

#endif
