// SPDX-License-Identifier: MIT
// mod_errno.h: the errno module (Linux numbers, as lwIP and MicroPython
// on the ESP8266 use) and errorcode.
#ifndef RT_MOD_ERRNO_H
#define RT_MOD_ERRNO_H

#include "obj.h"

void rt_errno_init(rt_dict_t *globals);

#endif
