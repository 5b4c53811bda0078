// SPDX-License-Identifier: MIT
// mod_re.h: the re module (compile, match, search, fullmatch, sub, subn,
// split, findall, finditer, escape; Pattern and Match objects; re.error).
#ifndef RT_MOD_RE_H
#define RT_MOD_RE_H

#include "obj.h"

void rt_re_init(rt_dict_t *globals);

#endif
