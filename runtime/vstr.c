// SPDX-License-Identifier: MIT
// vstr.c: growable byte buffers.
#include <string.h>

#include "vstr.h"
#include "gc.h"
#include "obj.h"

static void init(rt_vstr_t *v, size_t cap, unsigned flags) {
  v->len = 0;
  v->cap = cap < 15 ? 15 : cap;
  v->flags = flags;
  v->buf = NULL;
  v->buf = rt_gc_alloc(v->cap + 1, flags);
}

void rt_vstr_init(rt_vstr_t *v, size_t cap) {
  init(v, cap, RT_GC_LEAF);
}
void rt_vstr_init_temp(rt_vstr_t *v, size_t cap) {
  init(v, cap, RT_GC_LEAF | RT_GC_TEMP);
}

char *rt_vstr_reserve(rt_vstr_t *v, size_t n) {
  if (v->len + n > v->cap) {
    size_t cap = v->cap * 2;
    if (cap < v->len + n) cap = v->len + n + 16;
    v->buf = rt_gc_realloc_ex(v->buf, cap + 1, v->flags);
    v->cap = cap;
  }
  return v->buf + v->len;
}

void rt_vstr_add(rt_vstr_t *v, const char *s, size_t n) {
  char *d = rt_vstr_reserve(v, n);
  rt_memmove(d, s, n);
  v->len += n;
  v->buf[v->len] = 0;
}

void rt_vstr_addc(rt_vstr_t *v, char c) {
  rt_vstr_add(v, &c, 1);
}
void rt_vstr_adds(rt_vstr_t *v, const char *s) {
  rt_vstr_add(v, s, strlen(s));
}

void rt_vstr_free(rt_vstr_t *v) {
  rt_gc_free(v->buf);
  v->buf = NULL;
  v->len = v->cap = 0;
}
