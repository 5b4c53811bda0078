// SPDX-License-Identifier: MIT
// mod_micropython.h: the micropython module (const, mem_info, qstr_info,
// opt_level, kbd_intr, heap_lock/heap_unlock/heap_locked,
// alloc_emergency_exception_buf, schedule).
#ifndef RT_MOD_MICROPYTHON_H
#define RT_MOD_MICROPYTHON_H

#include "obj.h"

void rt_micropython_init(rt_dict_t *globals);

// Calls the functions queued by micropython.schedule, oldest first, each
// removed from the queue before it runs. Called where running Python code
// is safe: sleeps (mod_time.c) and the REPL between inputs. Raises what a
// scheduled function raises (the rest stay queued).
void rt_micropython_run_scheduled(void);

#endif
