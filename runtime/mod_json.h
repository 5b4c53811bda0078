// SPDX-License-Identifier: MIT
// mod_json.h: the json module (dumps, loads, dump, load).
#ifndef RT_MOD_JSON_H
#define RT_MOD_JSON_H

#include "obj.h"

void rt_json_init(rt_dict_t *globals);

#endif
