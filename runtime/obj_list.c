// SPDX-License-Identifier: MIT
// obj_list.c: the list type.
//
// Invariants: len <= alloc; items is a separate allocation (NULL when
// alloc is 0); slots at and past len hold no meaning.
#include <string.h>

#include "obj_list.h"
#include "gc.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_slice.h"
#include "obj_tuple.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"

static void ensure(rt_list_t *l, size_t need) {
  if (need <= l->alloc) return;
  // CPython's growth (about 1/8 extra): old and new arrays coexist while
  // copying, so a small factor keeps the peak low in a small heap.
  size_t cap = need + (need >> 3) + (need < 9 ? 3 : 6);
  if (cap > SIZE_MAX / sizeof(rt_val_t) / 2) rt_raise_memory_error();
  l->items = rt_gc_realloc(l->items, cap * sizeof(rt_val_t));
  l->alloc = cap;
}

rt_val_t rt_list_new(size_t n) {
  rt_list_t *l = rt_gc_alloc(sizeof *l, 0);
  l->type = &rt_list_type;
  ensure(l, n);
  for (size_t i = 0; i < n; i++)
    l->items[i] = RT_NONE;
  l->len = n;
  return rt_val(l);
}

rt_val_t rt_list_from_items(size_t n, const rt_val_t *items) {
  rt_val_t v = rt_list_new(n);
  if (n) rt_memcpy(((rt_list_t *)v)->items, items, n * sizeof(rt_val_t));
  return v;
}

void rt_list_append(rt_val_t list, rt_val_t v) {
  rt_list_t *l = (rt_list_t *)list;
  if (l->len == l->alloc) ensure(l, l->len + 1);
  l->items[l->len++] = v;
}

void rt_list_extend(rt_val_t list, rt_val_t iterable) {
  rt_val_t *items;
  if (rt_is_obj(iterable, &rt_list_type) || rt_is_obj(iterable, &rt_tuple_type)) {
    size_t n = rt_obj_get_items(iterable, &items);
    rt_list_t *l = (rt_list_t *)list;
    ensure(l, l->len + n);
    rt_obj_get_items(iterable, &items); // re-read: [iterable] may be [list]
    if (n) rt_memmove(l->items + l->len, items, n * sizeof(rt_val_t));
    l->len += n;
    return;
  }
  rt_val_t it = rt_obj_getiter(iterable), v;
  while ((v = rt_obj_iternext(it)) != RT_NULL)
    rt_list_append(list, v);
}

rt_val_t rt_list_from_iter(rt_val_t iterable) {
  rt_val_t l = rt_list_new(0);
  rt_list_extend(l, iterable);
  return l;
}

void rt_list_reverse(rt_val_t list) {
  rt_list_t *l = (rt_list_t *)list;
  for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
    rt_val_t t = l->items[i];
    l->items[i] = l->items[j - 1];
    l->items[j - 1] = t;
  }
}

// ---- sort: a stable bottom-up merge sort over (key, value) pairs ----

static bool less(rt_val_t a, rt_val_t b) {
  if (rt_is_small(a) && rt_is_small(b)) return (intptr_t)a < (intptr_t)b;
  return rt_obj_truthy(rt_obj_compare(RT_BINARY_LT, a, b));
}

void rt_list_sort(rt_val_t list, rt_val_t key, bool reverse) {
  rt_list_t *l = (rt_list_t *)list;
  size_t n = l->len;
  if (n < 2) return;
  // keys[i] is the sort key of vals[i]; tmp is the merge buffer.
  rt_val_t *buf = rt_gc_alloc(4 * n * sizeof(rt_val_t), 0);
  rt_val_t *keys = buf, *vals = buf + n, *tk = buf + 2 * n, *tv = buf + 3 * n;
  rt_memcpy(vals, l->items, n * sizeof(rt_val_t));
  for (size_t i = 0; i < n; i++)
    keys[i] = key ? rt_obj_call1(key, vals[i]) : vals[i];
  if (reverse) { // reversing before and after keeps the sort stable
    for (size_t i = 0, j = n - 1; i < j; i++, j--) {
      rt_val_t t = keys[i];
      keys[i] = keys[j];
      keys[j] = t;
      t = vals[i];
      vals[i] = vals[j];
      vals[j] = t;
    }
  }
  for (size_t w = 1; w < n; w *= 2) {
    for (size_t lo = 0; lo < n; lo += 2 * w) {
      size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
      size_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        bool take_right = less(keys[j], keys[i]);
        if (take_right) {
          tk[k] = keys[j];
          tv[k++] = vals[j++];
        } else {
          tk[k] = keys[i];
          tv[k++] = vals[i++];
        }
      }
      while (i < mid) {
        tk[k] = keys[i];
        tv[k++] = vals[i++];
      }
      while (j < hi) {
        tk[k] = keys[j];
        tv[k++] = vals[j++];
      }
    }
    rt_val_t *t = keys;
    keys = tk;
    tk = t;
    t = vals;
    vals = tv;
    tv = t;
  }
  if (reverse)
    for (size_t i = 0, j = n - 1; i < j; i++, j--) {
      rt_val_t t = vals[i];
      vals[i] = vals[j];
      vals[j] = t;
    }
  if (l->len != n) rt_raise_msg(&rt_exc_ValueError, RT_MSG("list modified during sort"));
  rt_memcpy(l->items, vals, n * sizeof(rt_val_t));
  rt_gc_free(buf);
}

// ---- type slots ----

static void list_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_list_t *l = (rt_list_t *)self;
  if (!rt_tuple_print_enter(p, self, "[...]")) return;
  rt_tuple_print_items(p, l->items, l->len, "[", "]");
  rt_tuple_print_leave();
}

static rt_val_t list_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)t;
  (void)kw;
  if (n > 1) rt_raise_msg(&rt_exc_TypeError, RT_MSG("list expected at most 1 argument, got %z"), n);
  return n ? rt_list_from_iter(args[0]) : rt_list_new(0);
}

static rt_val_t list_unary(rt_unary_op_t op, rt_val_t self) {
  rt_list_t *l = (rt_list_t *)self;
  switch (op) {
  case RT_UNARY_BOOL: return rt_bool(l->len != 0);
  case RT_UNARY_LEN: return rt_small((intptr_t)l->len);
  default: return RT_NULL;
  }
}

static rt_val_t list_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  rt_list_t *l = (rt_list_t *)a;
  switch (op) {
  case RT_BINARY_ADD: {
    if (!rt_is_obj(b, &rt_list_type)) return RT_NULL;
    rt_list_t *m = (rt_list_t *)b;
    rt_val_t r = rt_list_new(l->len + m->len);
    rt_memcpy(((rt_list_t *)r)->items, l->items, l->len * sizeof(rt_val_t));
    rt_memcpy(((rt_list_t *)r)->items + l->len, m->items, m->len * sizeof(rt_val_t));
    return r;
  }
  case RT_BINARY_INPLACE_ADD: rt_list_extend(a, b); return a;
  case RT_BINARY_MUL:
  case RT_BINARY_INPLACE_MUL: {
    if (!rt_is_small(b) && b != RT_TRUE && b != RT_FALSE) return RT_NULL;
    intptr_t k = rt_obj_get_int(b);
    if (k < 0) k = 0;
    size_t n = l->len;
    if (n && (size_t)k > (SIZE_MAX / 64) / n) rt_raise_memory_error();
    rt_val_t r = op == RT_BINARY_MUL ? rt_list_new(n * (size_t)k) : a;
    rt_list_t *rl = (rt_list_t *)r;
    if (op == RT_BINARY_INPLACE_MUL) {
      ensure(rl, n * (size_t)k);
      rl->len = n * (size_t)k;
    }
    for (intptr_t i = (op == RT_BINARY_MUL ? 0 : 1); i < k; i++)
      rt_memcpy(rl->items + (size_t)i * n, l->items, n * sizeof(rt_val_t));
    return r;
  }
  case RT_BINARY_CONTAINS:
    for (size_t i = 0; i < l->len; i++)
      if (rt_obj_eq(l->items[i], b)) return RT_TRUE;
    return RT_FALSE;
  case RT_BINARY_EQ:
  case RT_BINARY_NE:
  case RT_BINARY_LT:
  case RT_BINARY_LE:
  case RT_BINARY_GT:
  case RT_BINARY_GE: {
    if (!rt_is_obj(b, &rt_list_type)) return RT_NULL;
    rt_list_t *m = (rt_list_t *)b;
    return rt_bool(rt_tuple_seq_compare(op, l->items, l->len, m->items, m->len));
  }
  default: return RT_NULL;
  }
}

// Replaces items [start, start+cnt) (step 1) with the [n] values at [src].
static void splice(rt_list_t *l, size_t start, size_t cnt, const rt_val_t *src, size_t n) {
  if (n > cnt) ensure(l, l->len + n - cnt);
  rt_memmove(l->items + start + n, l->items + start + cnt, (l->len - start - cnt) * sizeof(rt_val_t));
  if (n) rt_memcpy(l->items + start, src, n * sizeof(rt_val_t));
  l->len = l->len + n - cnt;
}

static rt_val_t list_subscr(rt_val_t self, rt_val_t index, rt_val_t value) {
  rt_list_t *l = (rt_list_t *)self;
  if (rt_is_obj(index, &rt_slice_type)) {
    intptr_t start, step;
    size_t cnt = rt_slice_indices(index, l->len, &start, &step);
    if (value == RT_NULL) {
      rt_val_t r = rt_list_new(cnt);
      for (size_t i = 0; i < cnt; i++)
        ((rt_list_t *)r)->items[i] = l->items[start + (intptr_t)i * step];
      return r;
    }
    if (value == RT_DELETE) {
      if (step == 1) {
        splice(l, (size_t)start, cnt, NULL, 0);
      } else {
        // Delete from the highest index down so earlier indices stay valid.
        for (size_t k = cnt; k-- > 0;) {
          size_t i = (size_t)(start + (intptr_t)k * step);
          rt_memmove(l->items + i, l->items + i + 1, (l->len - i - 1) * sizeof(rt_val_t));
          l->len--;
        }
      }
      return RT_NONE;
    }
    rt_val_t src = rt_is_obj(value, &rt_list_type) || rt_is_obj(value, &rt_tuple_type)
                       ? value
                       : rt_list_from_iter(value);
    if (src == self) src = rt_list_from_items(l->len, l->items);
    rt_val_t *items;
    size_t n = rt_obj_get_items(src, &items);
    if (step == 1) {
      splice(l, (size_t)start, cnt, items, n);
    } else {
      if (n != cnt)
        rt_raise_msg(&rt_exc_ValueError,
                     RT_MSG("attempt to assign sequence of size %z to extended slice of size %z"), n, cnt);
      for (size_t i = 0; i < cnt; i++)
        l->items[start + (intptr_t)i * step] = items[i];
    }
    return RT_NONE;
  }
  size_t i = rt_obj_index(index, l->len, "list");
  if (value == RT_NULL) return l->items[i];
  if (value == RT_DELETE) {
    rt_memmove(l->items + i, l->items + i + 1, (l->len - i - 1) * sizeof(rt_val_t));
    l->len--;
    return RT_NONE;
  }
  l->items[i] = value;
  return RT_NONE;
}

// ---- iterator: reads the live list, so appends during iteration show ----

static rt_val_t list_iter_next(rt_val_t self) {
  rt_list_iter_t *it = (rt_list_iter_t *)self;
  rt_list_t *l = (rt_list_t *)it->list;
  if (it->pos >= l->len) return RT_NULL;
  return l->items[it->pos++];
}

const rt_type_t rt_list_iter_type = {
    .type = &rt_type_type,
    .name = RT_Q_list_iterator,
    .flags = RT_TYPE_ITER_SELF,
    .base = &rt_object_type,
    .iternext = list_iter_next,
};

static rt_val_t list_getiter(rt_val_t self) {
  rt_list_iter_t *it = rt_gc_alloc(sizeof *it, 0);
  it->type = &rt_list_iter_type;
  it->list = self;
  return rt_val(it);
}

// ---- methods ----

#define L ((rt_list_t *)args[0])

static rt_val_t m_append(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  rt_list_append(args[0], args[1]);
  return RT_NONE;
}

static rt_val_t m_extend(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  rt_list_extend(args[0], args[1]);
  return RT_NONE;
}

static rt_val_t m_insert(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  intptr_t i = rt_obj_get_int(args[1]), len = (intptr_t)L->len;
  if (i < 0) i += len;
  if (i < 0) i = 0;
  if (i > len) i = len;
  splice(L, (size_t)i, 0, &args[2], 1);
  return RT_NONE;
}

static rt_val_t m_pop(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  if (L->len == 0) rt_raise_msg(&rt_exc_IndexError, RT_MSG("pop from empty list"));
  size_t i = n > 1 ? rt_obj_index(args[1], L->len, "pop") : L->len - 1;
  rt_val_t v = L->items[i];
  splice(L, i, 1, NULL, 0);
  return v;
}

static rt_val_t m_remove(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  for (size_t i = 0; i < L->len; i++)
    if (rt_obj_eq(L->items[i], args[1])) {
      splice(L, i, 1, NULL, 0);
      return RT_NONE;
    }
  rt_raise_msg(&rt_exc_ValueError, RT_MSG("list.remove(x): x not in list"));
}

static rt_val_t m_index(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  return rt_tuple_seq_index(L->items, L->len, n - 1, args + 1, "list");
}

static rt_val_t m_count(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return rt_tuple_seq_count(L->items, L->len, args[1]);
}

static rt_val_t m_sort(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n;
  static const unsigned short allowed[] = {RT_Q_key, RT_Q_reverse};
  rt_kw_check(kw, allowed, 2, "sort");
  rt_val_t key = rt_kw_get(kw, RT_QV(key)), rev = rt_kw_get(kw, RT_QV(reverse));
  rt_list_sort(args[0], key == RT_NONE ? RT_NULL : key, rev && rt_obj_truthy(rev));
  return RT_NONE;
}

static rt_val_t m_reverse(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  rt_list_reverse(args[0]);
  return RT_NONE;
}

static rt_val_t m_copy(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return rt_list_from_items(L->len, L->items);
}

static rt_val_t m_clear(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  L->len = 0;
  return RT_NONE;
}

static rt_val_t m_init(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  L->len = 0;
  if (n > 1) rt_list_extend(args[0], args[1]);
  return RT_NONE;
}

static RT_BUILTIN(init_obj, __init__, 1, 2, 0, m_init);
static RT_BUILTIN(append_obj, append, 2, 2, 0, m_append);
static RT_BUILTIN(extend_obj, extend, 2, 2, 0, m_extend);
static RT_BUILTIN(insert_obj, insert, 3, 3, 0, m_insert);
static RT_BUILTIN(pop_obj, pop, 1, 2, 0, m_pop);
static RT_BUILTIN(remove_obj, remove, 2, 2, 0, m_remove);
static RT_BUILTIN(index_obj, index, 2, 4, 0, m_index);
static RT_BUILTIN(count_obj, count, 2, 2, 0, m_count);
static RT_BUILTIN(sort_obj, sort, 1, 1, RT_BF_KW, m_sort);
static RT_BUILTIN(reverse_obj, reverse, 1, 1, 0, m_reverse);
static RT_BUILTIN(copy_obj, copy, 1, 1, 0, m_copy);
static RT_BUILTIN(clear_obj, clear, 1, 1, 0, m_clear);

static const rt_method_t list_methods[] = {
    {RT_Q_append, &append_obj},
    {RT_Q_extend, &extend_obj},
    {RT_Q_insert, &insert_obj},
    {RT_Q_pop, &pop_obj},
    {RT_Q_remove, &remove_obj},
    {RT_Q_index, &index_obj},
    {RT_Q_count, &count_obj},
    {RT_Q_sort, &sort_obj},
    {RT_Q_reverse, &reverse_obj},
    {RT_Q_copy, &copy_obj},
    {RT_Q_clear, &clear_obj},
    {RT_Q___init__, &init_obj},
    {0, NULL},
};

const rt_type_t rt_list_type = {
    .type = &rt_type_type,
    .name = RT_Q_list,
    .flags = RT_TYPE_BASETYPE,
    .base = &rt_object_type,
    .methods = list_methods,
    .print = list_print,
    .make_new = list_make_new,
    .unary = list_unary,
    .binary = list_binary,
    .subscr = list_subscr,
    .getiter = list_getiter,
};
