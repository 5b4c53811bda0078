// SPDX-License-Identifier: MIT
// state.h: all interpreter state, in one struct reached through one
// pointer. rt_init places the struct at the start of the port's heap
// region, so a soft reset forgets everything by construction. The GC scans
// this struct as a root, so every heap pointer kept here stays alive.
#ifndef RT_STATE_H
#define RT_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "obj.h"

typedef struct rt_nlr rt_nlr_t;
typedef struct rt_frame rt_frame_t;

typedef struct rt_state {
  // ---- GC (gc.c) ----
  uint8_t *gc_atb;
  uint8_t *gc_leaf;
  char *gc_pool;
  size_t gc_nblocks;
  size_t gc_hint;  // no free block below this one
  size_t gc_rover; // next-fit position: where the last allocation ended
  bool gc_wrapped; // a collection was asked for by the allocator since the last one
  size_t gc_since; // blocks allocated since the last collection
  size_t gc_used_blocks;
  size_t gc_collections;
  size_t gc_peak_blocks; // most blocks ever in use at once
  bool gc_busy;
  bool gc_stress;      // collect before every allocation (tests)
  bool gc_auto_off;    // gc.disable(): a full heap raises MemoryError without collecting
  size_t gc_threshold; // gc.threshold(): collect once this many bytes were allocated; 0: off
  int gc_lock_depth;   // micropython.heap_lock() nesting: no allocation while > 0
  void *stack_base;    // top of the C stack as seen by the outermost entry

  // ---- errors (raise.c) ----
  rt_nlr_t *nlr_top;     // innermost handler
  rt_val_t memory_error; // preallocated, raised without allocating
  rt_val_t cur_exc;      // the exception being handled (sys.exc_info)
  int depth;             // Python call depth
  int max_depth;
  int c_depth;     // C recursion depth
  int print_depth; // containers being printed (cycle detection, obj_tuple.c)
  rt_val_t print_stack[RT_PRINT_NEST];
  volatile int interrupt; // set by rt_keyboard_interrupt
  int poll_countdown;
  bool reraise; // the exception being raised is re-raised: no new traceback line

  // ---- names (qstr.c) ----
  rt_val_t *qstr_dyn;
  size_t qstr_dyn_len, qstr_dyn_cap;
  uint16_t *qstr_table;                       // index + 1 of each name, 0 for empty slots
  uint16_t qstr_hash_key[RT_QSTR_HASH_CACHE]; // index + 1 cached in each slot
  uint32_t qstr_hash_val[RT_QSTR_HASH_CACHE];
  size_t qstr_table_cap;

  // ---- interpreter ----
  rt_dict_t *builtins;         // the builtins namespace
  rt_dict_t *main_globals;     // __main__'s namespace
  rt_dict_t *modules;          // sys.modules
  rt_frame_t *frame;           // innermost running Python frame
  rt_frame_t *frame_cache[16]; // freed frames kept for reuse: lists by size in blocks mod 16 (vm.c)
  // Methods of classes found by LOAD_METHOD, by (class, name) hash (vm.c);
  // an entry counts only while its version equals class_version, which
  // every class creation and class attribute store bumps.
  struct {
    const void *cls;
    rt_val_t name, value;
    uint32_t version;
  } method_cache[16];
  uint32_t class_version;
  rt_val_t sys_module;
  uint32_t rng;         // random module state
  int rl_last_nl;       // readline: the newline byte that ended the last line
  void *vfs;            // mounted filesystems and the current directory (fs_vfs.c)
  rt_val_t rl_history;  // readline: a list of recent lines, newest first (readline.c)
  rt_val_t sched_queue; // micropython.schedule: a list of (function, argument) to call
  bool sched_running;   // a scheduled call is running: the next ones wait for it
  int opt_level;        // micropython.opt_level(): kept and reported only
} rt_state_t;

extern rt_state_t *rt_state;

#endif
