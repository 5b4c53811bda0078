// SPDX-License-Identifier: MIT
// mod_heapq.c: binary min-heaps in lists (CPython's siftdown/siftup, so
// the resulting list layouts are identical).
#include "mod_heapq.h"

#include <string.h>

#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_list.h"
#include "qstr.h"
#include "raise.h"

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw

// The heap argument of function [fn] (CPython names it in the message;
// heapify says "argument", the others "argument 1").
static rt_list_t *heap_arg(rt_val_t v, const char *fn) {
  if (!rt_is_obj(v, &rt_list_type))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("%s() argument%s must be list, not %t"), fn,
                 strcmp(fn, "heapify") == 0 ? "" : " 1", v);
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
  rt_list_t *h = heap_arg(args[0], "heappush");
  rt_list_append(args[0], args[1]);
  siftdown(h, 0, h->len - 1);
  return RT_NONE;
}

static rt_val_t f_heappop(ARGS) {
  (void)n, (void)kw;
  rt_list_t *h = heap_arg(args[0], "heappop");
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
  rt_list_t *h = heap_arg(args[0], "heapreplace");
  if (!h->len) rt_raise_msg(&rt_exc_IndexError, RT_MSG("index out of range"));
  rt_val_t top = h->items[0];
  h->items[0] = args[1];
  siftup(h, 0);
  return top;
}

static rt_val_t f_heappushpop(ARGS) {
  (void)n, (void)kw;
  rt_list_t *h = heap_arg(args[0], "heappushpop");
  if (!h->len || !lt(h->items[0], args[1])) return args[1];
  rt_val_t top = h->items[0];
  h->items[0] = args[1];
  siftup(h, 0);
  return top;
}

static rt_val_t f_heapify(ARGS) {
  (void)n, (void)kw;
  rt_list_t *h = heap_arg(args[0], "heapify");
  for (size_t i = h->len / 2; i-- > 0;)
    siftup(h, i);
  return RT_NONE;
}

// nlargest/nsmallest(n, iterable, key=None): the first n of a stable
// sort, which is what CPython's heap-based versions return.
static rt_val_t n_best(size_t n, const rt_val_t *args, const rt_kw_t *kw, bool largest) {
  (void)n;
  intptr_t k = rt_obj_get_int(args[0]);
  rt_val_t key = kw ? rt_kw_get(kw, RT_QV(key)) : RT_NULL;
  rt_val_t l = rt_list_from_iter(args[1]);
  rt_list_sort(l, key && key != RT_NONE ? key : RT_NULL, largest);
  rt_list_t *lp = (rt_list_t *)l;
  if (k < 0) k = 0;
  if ((size_t)k < lp->len) lp->len = (size_t)k;
  return l;
}

static rt_val_t f_nlargest(ARGS) {
  return n_best(n, args, kw, true);
}
static rt_val_t f_nsmallest(ARGS) {
  return n_best(n, args, kw, false);
}

// merge(*iterables, key=None, reverse=False): the sorted inputs as one
// sorted sequence; a stable sort of their concatenation keeps equal items
// in input order, as merging does.
static rt_val_t f_merge(ARGS) {
  rt_val_t l = rt_list_new(0);
  for (size_t i = 0; i < n; i++)
    rt_list_extend(l, args[i]);
  rt_val_t key = kw ? rt_kw_get(kw, RT_QV(key)) : RT_NULL;
  rt_val_t rev = kw ? rt_kw_get(kw, RT_QV(reverse)) : RT_NULL;
  rt_list_sort(l, key && key != RT_NONE ? key : RT_NULL, rev && rt_obj_truthy(rev));
  return rt_obj_getiter(l);
}

static RT_BUILTIN(nlargest_obj, nlargest, 2, 2, RT_BF_KW, f_nlargest);
static RT_BUILTIN(nsmallest_obj, nsmallest, 2, 2, RT_BF_KW, f_nsmallest);
static RT_BUILTIN(merge_obj, merge, 0, RT_ARGS_ANY, RT_BF_KW, f_merge);
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
  rt_dict_set(g, RT_QV(nlargest), rt_val(&nlargest_obj));
  rt_dict_set(g, RT_QV(nsmallest), rt_val(&nsmallest_obj));
  rt_dict_set(g, RT_QV(merge), rt_val(&merge_obj));
}
