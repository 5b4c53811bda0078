// SPDX-License-Identifier: MIT
// obj_type_match.c: the runtime half of the match statement
// (rt_type_match_obj, obj_type.h): the tests CPython has opcodes for, on
// sequences, mappings and instances of classes. compile_match.c emits the
// calls.
#include "obj_type.h"
#include "gc.h"
#include "obj_bytearray.h"
#include "obj_bytes.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_list.h"
#include "obj_set.h"
#include "obj_str.h"
#include "obj_tuple.h"
#include "qstr.h"
#include "raise.h"

static rt_val_t match_sequence(rt_val_t subject, size_t n, intptr_t star) {
  // str, bytes and bytearray are not sequences to patterns.
  if (!rt_obj_isinstance(subject, &rt_list_type) && !rt_obj_isinstance(subject, &rt_tuple_type) &&
      !rt_obj_isinstance(subject, &rt_range_type))
    return RT_NONE;
  rt_val_t seq = rt_type_unbox(subject), *items;
  if (!rt_is_obj(seq, &rt_list_type) && !rt_is_obj(seq, &rt_tuple_type)) seq = rt_list_from_iter(seq);
  size_t len = rt_obj_get_items(seq, &items);
  if (star < 0 ? len != n : len + 1 < n) return RT_NONE;
  rt_val_t out = rt_tuple_new(n, NULL), *o = rt_tuple_items(out);
  if (star < 0) {
    rt_memcpy(o, items, n * sizeof(rt_val_t));
    return out;
  }
  size_t after = n - 1 - (size_t)star, mid = len - (size_t)star - after;
  rt_memcpy(o, items, (size_t)star * sizeof(rt_val_t));
  rt_val_t l = rt_list_new(mid);
  rt_memcpy(((rt_list_t *)l)->items, items + star, mid * sizeof(rt_val_t));
  o[star] = l;
  rt_memcpy(o + star + 1, items + len - after, after * sizeof(rt_val_t));
  return out;
}

static rt_val_t match_mapping(rt_val_t subject, rt_val_t keys, bool rest) {
  if (!rt_obj_isinstance(subject, &rt_dict_type)) return RT_NONE;
  rt_dict_t *d = (rt_dict_t *)subject;
  size_t nk = rt_tuple_len(keys);
  rt_val_t *k = rt_tuple_items(keys);
  for (size_t i = 0; i < nk; i++)
    for (size_t j = 0; j < i; j++)
      if (rt_obj_eq(k[i], k[j]))
        rt_raise_msg(&rt_exc_ValueError, RT_MSG("mapping pattern checks duplicate key (%r)"), k[i]);
  rt_val_t out = rt_tuple_new(nk + rest, NULL), *o = rt_tuple_items(out);
  for (size_t i = 0; i < nk; i++)
    if ((o[i] = rt_dict_get(d, k[i])) == RT_NULL) return RT_NONE;
  if (rest) {
    rt_dict_t *r = rt_dict_copy(d);
    for (size_t i = 0; i < nk; i++)
      rt_dict_pop(r, k[i]);
    o[nk] = rt_val(r);
  }
  return out;
}

// Builtins whose one positional pattern matches the subject itself.
static bool matches_self(const rt_type_t *t) {
  static const rt_type_t *const self[] = {&rt_bool_type,  &rt_bytearray_type, &rt_bytes_type, &rt_dict_type,
                                          &rt_float_type, &rt_frozenset_type, &rt_int_type,   &rt_list_type,
                                          &rt_set_type,   &rt_str_type,       &rt_tuple_type};
  for (size_t i = 0; i < sizeof self / sizeof self[0]; i++)
    if (t == self[i]) return true;
  return false;
}

static rt_val_t match_class(rt_val_t subject, rt_val_t cls, size_t npos, rt_val_t kwnames) {
  if (!rt_is_type(cls)) rt_raise_msg(&rt_exc_TypeError, RT_MSG("called match pattern must be a type"));
  const rt_type_t *t = (const rt_type_t *)cls;
  if (!rt_obj_isinstance(subject, t)) return RT_NONE;
  size_t nk = rt_tuple_len(kwnames);
  rt_val_t names = rt_tuple_new(npos + nk, NULL), *nm = rt_tuple_items(names);
  rt_val_t out = rt_tuple_new(npos + nk, NULL), *o = rt_tuple_items(out);
  size_t first = 0;
  if (npos) {
    rt_val_t args = rt_obj_getattr_maybe(cls, RT_QV(__match_args__));
    if (!args && matches_self(rt_type_native(t))) {
      if (npos > 1)
        rt_raise_msg(&rt_exc_TypeError, RT_MSG("%q() accepts 1 positional sub-pattern (%z given)"),
                     rt_qstr_val(t->name), npos);
      o[0] = subject;
      nm[0] = RT_NULL;
      first = 1;
    } else {
      if (args && !rt_is_obj(args, &rt_tuple_type))
        rt_raise_msg(&rt_exc_TypeError, RT_MSG("%q.__match_args__ must be a tuple (got %t)"),
                     rt_qstr_val(t->name), args);
      size_t na = args ? rt_tuple_len(args) : 0;
      if (npos > na)
        rt_raise_msg(&rt_exc_TypeError, RT_MSG("%q() accepts %z positional sub-pattern%s (%z given)"),
                     rt_qstr_val(t->name), na, na == 1 ? "" : "s", npos);
      for (size_t i = 0; i < npos; i++) {
        rt_val_t a = rt_tuple_items(args)[i];
        if (!rt_is_str(a))
          rt_raise_msg(&rt_exc_TypeError, RT_MSG("__match_args__ elements must be strings (got %t)"), a);
        size_t len;
        const char *s = rt_str_data(a, &len);
        nm[i] = rt_qstr_from(s, len);
      }
    }
  }
  rt_memcpy(nm + npos, rt_tuple_items(kwnames), nk * sizeof(rt_val_t));
  for (size_t i = first; i < npos + nk; i++) {
    for (size_t j = first; j < i; j++)
      if (nm[j] == nm[i])
        rt_raise_msg(&rt_exc_TypeError, RT_MSG("%q() got multiple sub-patterns for attribute '%q'"),
                     rt_qstr_val(t->name), nm[i]);
    // A missing attribute (AttributeError included) is a failed match.
    rt_val_t v;
    if (!rt_nlr_try(rt_obj_getattr_maybe, subject, nm[i], &v)) {
      if (rt_obj_isinstance(v, &rt_exc_AttributeError)) return RT_NONE;
      rt_raise(v);
    }
    if (!v) return RT_NONE;
    o[i] = v;
  }
  return out;
}

static rt_val_t m_match(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  rt_val_t *a = rt_tuple_items(args[0]);
  switch (rt_small_get(a[1])) {
  case 0: return match_sequence(a[0], (size_t)rt_small_get(a[2]), rt_small_get(a[3]));
  case 1: return match_mapping(a[0], a[2], a[3] == RT_TRUE);
  default: return match_class(a[0], a[2], (size_t)rt_small_get(a[3]), a[4]);
  }
}
RT_BUILTIN(rt_type_match_obj, match, 1, 1, 0, m_match);
