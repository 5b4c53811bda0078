// SPDX-License-Identifier: MIT
// mod_os.h: the os module (files, directories, mounts, urandom, uname).
#ifndef RT_MOD_OS_H
#define RT_MOD_OS_H

#include "obj.h"

void rt_os_init(rt_dict_t *globals);

#endif
