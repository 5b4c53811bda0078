// SPDX-License-Identifier: MIT
// qstr.c: the interned-name table.
//
// Invariants: indices below RT_Q_COUNT name the static texts; index
// RT_Q_COUNT + i names rt_state->qstr_dyn[i], a str object in the heap.
// Names are found through two open-addressing sets of (index + 1) words
// with linear probing, kept at most three quarters full, 0 marking an empty
// slot: one over the static names, built once and kept outside the heap
// (it never changes, and at 2 bytes a slot it would be a sizeable part of a
// 38 KB heap), and rt_state->qstr_table over the names made at run time,
// in the heap. Nothing is ever removed.
#include <string.h>

#include "qstr.h"
#include "gc.h"
#include "obj_exc.h"
#include "obj_str.h"
#include "raise.h"
#include "state.h"

static const char *const static_text[] = {
#define Q(id, text) text,
#include "qstr_defs.h"
#undef Q
#define EXC(name, base) #name,
#include "exc_defs.h"
#undef EXC
};

static const unsigned char static_len[] = {
#define Q(id, text) sizeof(text) - 1,
#include "qstr_defs.h"
#undef Q
#define EXC(name, base) sizeof(#name) - 1,
#include "exc_defs.h"
#undef EXC
};

uintptr_t rt_qstr_hash_bytes(const char *s, size_t len) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < len; i++)
    h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h ? h : 1;
}

const char *rt_qstr_cstr(unsigned idx) {
  if (idx < RT_Q_COUNT) return static_text[idx];
  return rt_str_data(rt_state->qstr_dyn[idx - RT_Q_COUNT], NULL);
}

const char *rt_qstr_str(rt_val_t q, size_t *len) {
  unsigned idx = rt_qstr_index(q);
  if (idx < RT_Q_COUNT) {
    if (len) *len = static_len[idx];
    return static_text[idx];
  }
  return rt_str_data(rt_state->qstr_dyn[idx - RT_Q_COUNT], len);
}

uintptr_t rt_qstr_hash(rt_val_t q) {
  unsigned idx = rt_qstr_index(q);
  // A small direct-mapped cache: attribute and global names repeat a lot.
  unsigned slot = idx & (RT_QSTR_HASH_CACHE - 1);
  if (rt_state->qstr_hash_key[slot] == idx + 1) return rt_state->qstr_hash_val[slot];
  uintptr_t h = idx < RT_Q_COUNT ? rt_qstr_hash_bytes(static_text[idx], static_len[idx])
                                 : rt_str_hash(rt_state->qstr_dyn[idx - RT_Q_COUNT]);
  rt_state->qstr_hash_key[slot] = (uint16_t)(idx + 1);
  rt_state->qstr_hash_val[slot] = (uint32_t)h;
  return h;
}

size_t rt_qstr_count(void) {
  return RT_Q_COUNT + rt_state->qstr_dyn_len;
}

// Slots of the static names' set: the smallest power of two keeping it at
// most three quarters full.
#define STATIC_CAP                                                                                           \
  (4 * RT_Q_COUNT <= 3 * 256    ? 256                                                                        \
   : 4 * RT_Q_COUNT <= 3 * 512  ? 512                                                                        \
   : 4 * RT_Q_COUNT <= 3 * 1024 ? 1024                                                                       \
   : 4 * RT_Q_COUNT <= 3 * 2048 ? 2048                                                                       \
                                : 4096)
_Static_assert(4 * RT_Q_COUNT <= 3 * STATIC_CAP, "too many static names for the static set");
static uint16_t static_table[STATIC_CAP];
static bool static_ready;

// Inserts index [idx] into [table] of [cap] slots (a power of two).
static void table_put(uint16_t *table, size_t cap, unsigned idx) {
  size_t len;
  const char *s = rt_qstr_str(rt_qstr_val(idx), &len);
  size_t i = rt_qstr_hash_bytes(s, len) & (cap - 1);
  while (table[i])
    i = (i + 1) & (cap - 1);
  table[i] = (uint16_t)(idx + 1);
}

// Rebuilds the run-time names' set with [cap] slots. Raises MemoryError.
static void table_grow(size_t cap) {
  uint16_t *t = rt_gc_alloc(cap * sizeof(uint16_t), RT_GC_LEAF);
  for (size_t i = 0; i < rt_state->qstr_dyn_len; i++)
    table_put(t, cap, (unsigned)(RT_Q_COUNT + i));
  rt_gc_free(rt_state->qstr_table);
  rt_state->qstr_table = t;
  rt_state->qstr_table_cap = cap;
}

void rt_qstr_init(void) {
  if (!static_ready) {
    for (unsigned i = 0; i < RT_Q_COUNT; i++)
      table_put(static_table, STATIC_CAP, i);
    static_ready = true;
  }
  rt_state->qstr_dyn = NULL;
  rt_state->qstr_dyn_len = rt_state->qstr_dyn_cap = 0;
  rt_state->qstr_table = NULL;
  table_grow(64);
}

// Looks [s] up in [table] of [cap] slots.
static rt_val_t table_find(const uint16_t *table, size_t cap, const char *s, size_t len) {
  size_t i = rt_qstr_hash_bytes(s, len) & (cap - 1);
  unsigned e;
  while ((e = table[i]) != 0) {
    size_t l;
    const char *t = rt_qstr_str(rt_qstr_val(e - 1), &l);
    if (l == len && memcmp(s, t, len) == 0) return rt_qstr_val(e - 1);
    i = (i + 1) & (cap - 1);
  }
  return RT_NULL;
}

rt_val_t rt_qstr_find(const char *s, size_t len) {
  rt_val_t q = table_find(static_table, STATIC_CAP, s, len);
  return q ? q : table_find(rt_state->qstr_table, rt_state->qstr_table_cap, s, len);
}

rt_val_t rt_qstr_from(const char *s, size_t len) {
  rt_val_t q = rt_qstr_find(s, len);
  if (q) return q;
  if (rt_qstr_count() >= 0xfffe) rt_raise_msg(&rt_exc_MemoryError, RT_MSG("too many names"));
  rt_val_t str = rt_str_new(s, len);
  if (rt_state->qstr_dyn_len == rt_state->qstr_dyn_cap) {
    size_t cap = rt_state->qstr_dyn_cap ? rt_state->qstr_dyn_cap * 2 : 32;
    rt_state->qstr_dyn = rt_gc_realloc(rt_state->qstr_dyn, cap * sizeof(rt_val_t));
    rt_state->qstr_dyn_cap = cap;
  }
  if (4 * (rt_state->qstr_dyn_len + 1) > 3 * rt_state->qstr_table_cap)
    table_grow(rt_state->qstr_table_cap * 2);
  unsigned idx = (unsigned)rt_qstr_count();
  rt_state->qstr_dyn[rt_state->qstr_dyn_len++] = str;
  table_put(rt_state->qstr_table, rt_state->qstr_table_cap, idx);
  return rt_qstr_val(idx);
}

rt_val_t rt_qstr_from_cstr(const char *s) {
  return rt_qstr_from(s, strlen(s));
}
