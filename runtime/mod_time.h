// SPDX-License-Identifier: MIT
// mod_time.h: the time module over the HAL's tick counters (MicroPython's
// API: sleep, sleep_ms, sleep_us, ticks_ms/us/cpu, ticks_diff, ticks_add,
// time, time_ns, and localtime/gmtime/mktime from the 2000-01-01 epoch).
#ifndef RT_MOD_TIME_H
#define RT_MOD_TIME_H

#include "obj.h"

void rt_time_init(rt_dict_t *globals);

#endif
