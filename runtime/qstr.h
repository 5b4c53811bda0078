// SPDX-License-Identifier: MIT
// qstr.h: interned names. A qstr is a value word holding an index into one
// table: first the build-time names of qstr_defs.h and exc_defs.h, then
// names interned at run time (stored as str objects in the GC heap). Two
// equal names are always the same word, so comparing names is comparing
// words.
#ifndef RT_QSTR_H
#define RT_QSTR_H

#include "obj.h"

enum {
#define Q(id, text) RT_Q_##id,
#include "qstr_defs.h"
#undef Q
#define EXC(name, base) RT_Q_##name,
#include "exc_defs.h"
#undef EXC
  RT_Q_COUNT
};

// The qstr value of a build-time name.
#define RT_QV(id) rt_qstr_val(RT_Q_##id)

// Sets up the empty run-time table. Allocates from the GC heap.
void rt_qstr_init(void);
// Interns [len] bytes at [s] (copied) and returns the qstr value. Raises
// MemoryError when the heap is full.
rt_val_t rt_qstr_from(const char *s, size_t len);
rt_val_t rt_qstr_from_cstr(const char *s);
// The qstr of an existing name, or RT_NULL if it was never interned.
// Never allocates.
rt_val_t rt_qstr_find(const char *s, size_t len);
// The NUL-terminated text of qstr [q]; its length goes to *len if not NULL.
const char *rt_qstr_str(rt_val_t q, size_t *len);
// The text of the qstr with index [idx].
const char *rt_qstr_cstr(unsigned idx);
// The str hash of qstr [q] (equal to the hash of an equal str object).
uintptr_t rt_qstr_hash(rt_val_t q);
// The hash function of all strings: FNV-1a, never 0.
uintptr_t rt_qstr_hash_bytes(const char *s, size_t len);
// The number of qstrs (for completion and tests).
size_t rt_qstr_count(void);

#endif
