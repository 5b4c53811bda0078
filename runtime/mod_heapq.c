// SPDX-License-Identifier: MIT
// mod_heapq.c: binary min-heaps in lists (CPython's siftdown/siftup, so
// the resulting list layouts are identical).
#include "mod_heapq.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_list.h"
#include "qstr.h"
#include "raise.h"

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw

static rt_list_t *heap_arg(rt_val_t v) {
  if (!rt_is_obj(v, &rt_list_type)) rt_raise_msg(&rt_exc_TypeError, RT_MSG("heap argument must be a list"));
  return (rt_list_t *)v;
}

static bool lt(rt_val_t a, rt_val_t b) {
  return rt_obj_truthy(rt_obj_compare(RT_BINARY_LT, a, b));
}

// Moves items[pos] up towards [start] while it is smaller than its parent.
static void siftdown(rt_list_t *h, size_t start, size_t pos) {
  rt_val_t item = h->items[pos];
  while (pos > start) {
    size_t parent = (pos - 1) >> 1;
    rt_val_t p = h->items[parent];
    if (!lt(item, p)) break;
    h->items[pos] = p;
    pos = parent;
  }
  h->items[pos] = item;
}

// Bubbles the smaller child up from [pos] to a leaf, then siftdown.
static void siftup(rt_list_t *h, size_t pos) {
  size_t end = h->len, start = pos, child = 2 * pos + 1;
  rt_val_t item = h->items[pos];
  while (child < end) {
    size_t right = child + 1;
    if (right < end && !lt(h->items[child], h->items[right])) child = right;
    h->items[pos] = h->items[child];
    pos = child;
    child = 2 * pos + 1;
  }
  h->items[pos] = item;
  siftdown(h, start, pos);
}

static rt_val_t f_heappush(ARGS) {
  (void)n, (void)kw;
  rt_list_t *h = heap_arg(args[0]);
  rt_list_append(args[0], args[1]);
  siftdown(h, 0, h->len - 1);
  return RT_NONE;
}

static rt_val_t f_heappop(ARGS) {
  (void)n, (void)kw;
  rt_list_t *h = heap_arg(args[0]);
  if (!h->len) rt_raise_msg(&rt_exc_IndexError, RT_MSG("index out of range"));
  rt_val_t last = h->items[--h->len];
  if (!h->len) return last;
  rt_val_t top = h->items[0];
  h->items[0] = last;
  siftup(h, 0);
  return top;
}

static rt_val_t f_heapreplace(ARGS) {
  (void)n, (void)kw;
  rt_list_t *h = heap_arg(args[0]);
  if (!h->len) rt_raise_msg(&rt_exc_IndexError, RT_MSG("index out of range"));
  rt_val_t top = h->items[0];
  h->items[0] = args[1];
  siftup(h, 0);
  return top;
}

static rt_val_t f_heappushpop(ARGS) {
  (void)n, (void)kw;
  rt_list_t *h = heap_arg(args[0]);
  if (!h->len || !lt(h->items[0], args[1])) return args[1];
  rt_val_t top = h->items[0];
  h->items[0] = args[1];
  siftup(h, 0);
  return top;
}

static rt_val_t f_heapify(ARGS) {
  (void)n, (void)kw;
  rt_list_t *h = heap_arg(args[0]);
  for (size_t i = h->len / 2; i-- > 0;)
    siftup(h, i);
  return RT_NONE;
}

static RT_BUILTIN(heappush_obj, heappush, 2, 2, 0, f_heappush);
static RT_BUILTIN(heappop_obj, heappop, 1, 1, 0, f_heappop);
static RT_BUILTIN(heapreplace_obj, heapreplace, 2, 2, 0, f_heapreplace);
static RT_BUILTIN(heappushpop_obj, heappushpop, 2, 2, 0, f_heappushpop);
static RT_BUILTIN(heapify_obj, heapify, 1, 1, 0, f_heapify);

void rt_heapq_init(rt_dict_t *g) {
  rt_dict_set(g, RT_QV(heappush), rt_val(&heappush_obj));
  rt_dict_set(g, RT_QV(heappop), rt_val(&heappop_obj));
  rt_dict_set(g, RT_QV(heapreplace), rt_val(&heapreplace_obj));
  rt_dict_set(g, RT_QV(heappushpop), rt_val(&heappushpop_obj));
  rt_dict_set(g, RT_QV(heapify), rt_val(&heapify_obj));
}
