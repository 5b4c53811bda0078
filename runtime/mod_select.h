// SPDX-License-Identifier: MIT
// mod_select.h: the select module (poll with register, unregister,
// modify, poll, ipoll over objects with an ioctl method and the console).
#ifndef RT_MOD_SELECT_H
#define RT_MOD_SELECT_H

#include "obj.h"

void rt_select_init(rt_dict_t *globals);

#endif
