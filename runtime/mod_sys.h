// SPDX-License-Identifier: MIT
// mod_sys.h: the sys module.
#ifndef RT_MOD_SYS_H
#define RT_MOD_SYS_H

#include "obj.h"

// Fills sys's namespace: platform 'esp8266', version, version_info,
// implementation (name 'pyrite', version tuple, _machine = the board
// name), modules, path, argv, maxsize, byteorder, exit, exc_info,
// getrecursionlimit/setrecursionlimit, print_exception, stdout.write.
void rt_sys_init(rt_dict_t *globals);

#endif
