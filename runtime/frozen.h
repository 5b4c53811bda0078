// SPDX-License-Identifier: MIT
// frozen.h: Python modules compiled into the firmware as source text. Two
// tables are searched, the runtime's own (runtime/frozen/*.py, generated
// at build time by cmake/freeze.cmake as rt_frozen_runtime_modules) and
// the one a port registers with rt_register_frozen (runtime.h).
#ifndef RT_FROZEN_H
#define RT_FROZEN_H

#include "obj.h"
#include "runtime.h"

// The runtime's frozen modules (a generated file), NULL-name terminated.
extern const rt_frozen_module_t rt_frozen_runtime_modules[];

// The source of frozen module [name] (a qstr), or NULL when neither table
// has it. Never raises.
const char *rt_frozen_find(rt_val_t name);

// Imports frozen module [name] (a qstr): compiles its source (or loads its
// compiled code, persist.h) and runs it in a
// new module entered in sys.modules first (so circular imports see it).
// Returns the module, or RT_NULL when no frozen module has that name. An
// exception while compiling or running removes the entry and propagates.
rt_val_t rt_frozen_import(rt_val_t name);

#endif
