// SPDX-License-Identifier: MIT
// vstr.h: a growable byte buffer in the GC heap (leaf allocation). The
// buffer is always NUL-terminated after [len] bytes.
#ifndef RT_VSTR_H
#define RT_VSTR_H

#include <stddef.h>

typedef struct {
  char *buf;
  size_t len, cap;
  unsigned flags; // GC flags of the buffer (RT_GC_LEAF, maybe RT_GC_TEMP)
} rt_vstr_t;

// Starts an empty buffer with room for [cap] bytes. Raises MemoryError.
void rt_vstr_init(rt_vstr_t *v, size_t cap);
// As rt_vstr_init for a short-lived buffer (allocated from the heap top).
void rt_vstr_init_temp(rt_vstr_t *v, size_t cap);
// Appends; raises MemoryError (the buffer stays valid).
void rt_vstr_add(rt_vstr_t *v, const char *s, size_t n);
void rt_vstr_addc(rt_vstr_t *v, char c);
void rt_vstr_adds(rt_vstr_t *v, const char *s);
// Makes room for [n] more bytes and returns where they go (len unchanged).
char *rt_vstr_reserve(rt_vstr_t *v, size_t n);
// Releases the buffer.
void rt_vstr_free(rt_vstr_t *v);

#endif
