// SPDX-License-Identifier: MIT
// obj_type_builtin.c: the methods of builtin types as Python objects: the
// wrappers that expose C slots under special names (list.__len__,
// dict.__getitem__) and the descriptors of builtin methods taken from
// their class (str.upper). obj_type.c's lookups find them through
// rt_type_slot_wrapper and rt_type_method_descr (obj_type.h).
#include "obj_type.h"
#include "gc.h"
#include "obj_bytearray.h"
#include "obj_exc.h"
#include "obj_int.h"
#include "obj_list.h"
#include "obj_set.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"

// ---- unbound builtin methods (str.upper, tuple.__repr__, ...) ----

// A builtin method taken from its type: calling it checks that the first
// argument is an instance of that type (and unboxes it), so C code never
// sees a foreign object as self.
typedef struct {
  const rt_type_t *type; // &method_descr_type
  const rt_type_t *owner;
  rt_val_t func; // the rt_builtin_t
} method_descr_t;

static rt_val_t descr_call(rt_val_t self, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  method_descr_t *d = (method_descr_t *)self;
  const rt_builtin_t *b = (const rt_builtin_t *)d->func;
  if (n == 0)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("unbound method %q.%q() needs an argument"),
                 rt_qstr_val(d->owner->name), rt_qstr_val(b->name));
  if (!rt_obj_isinstance(args[0], d->owner))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("descriptor '%q' for '%q' objects doesn't apply to a '%t' object"),
                 rt_qstr_val(b->name), rt_qstr_val(d->owner->name), args[0]);
  if (rt_type_unbox(args[0]) == args[0]) return rt_obj_call(d->func, n, args, kw); // not boxed
  rt_val_t buf[8], *a = buf;
  if (n > 8) a = rt_gc_alloc(n * sizeof(rt_val_t), 0);
  rt_memcpy(a, args, n * sizeof(rt_val_t));
  a[0] = rt_type_unbox(args[0]);
  return rt_obj_call(d->func, n, a, kw);
}

static void descr_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  method_descr_t *d = (method_descr_t *)self;
  rt_print_format(p, "<method '%q' of '%q' objects>", rt_qstr_val(((const rt_builtin_t *)d->func)->name),
                  rt_qstr_val(d->owner->name));
}

static const rt_type_t method_descr_type = {
    .type = &rt_type_type,
    .name = RT_Q_method_descriptor,
    .base = &rt_object_type,
    .print = descr_print,
    .call = descr_call,
};

rt_val_t rt_type_method_descr(const rt_type_t *owner, rt_val_t func) {
  method_descr_t *d = rt_gc_alloc(sizeof *d, 0);
  d->type = &method_descr_type;
  d->owner = owner;
  d->func = func;
  return rt_val(d);
}

// ---- special methods of builtin types (list.__len__, dict.__getitem__) ----
//
// Builtin types implement operators in C slots, not methods. These
// wrappers expose the slots under their special names, so that
// d.__getitem__ works as a key function and a subclass's
// super().__setitem__(k, v) reaches the builtin. They call the slot of
// the nearest builtin type directly (never a subclass's override).

enum { W_BIN, W_RBIN, W_IBIN, W_CMP, W_UN, W_NUM, W_LEN, W_GET, W_SET, W_DEL, W_CONTAINS, W_ITER, W_NEXT };

// One body for all the wrappers below (each stays a tail call): in a file
// this small the compiler would otherwise copy it into each (4 KB of flash).
static __attribute__((noinline)) rt_val_t slot_call(int kind, int op, const rt_val_t *args) {
  rt_val_t self = rt_type_unbox(args[0]);
  const rt_type_t *nat = rt_type_native(rt_typeof(self));
  rt_val_t other = kind <= W_CMP || kind == W_CONTAINS ? rt_type_unbox(args[1]) : RT_NULL, r = RT_NULL;
  switch (kind) {
  case W_BIN:
  case W_IBIN:
  case W_CMP:
    r = nat->binary ? nat->binary((rt_binary_op_t)op, self, other) : RT_NULL;
    return r ? r : rt_val(&rt_notimpl_obj);
  case W_RBIN:
    // The slot expects its own type on the left.
    if (nat->binary && rt_type_native(rt_typeof(other)) == nat)
      r = nat->binary((rt_binary_op_t)op, other, self);
    return r ? r : rt_val(&rt_notimpl_obj);
  case W_UN:
  case W_NUM:
  case W_LEN:
    // A plain builtin runs no user code: the generic hash is the one hash() gives.
    if (op == RT_UNARY_HASH && !(rt_typeof(self)->flags & RT_TYPE_USER))
      return rt_int_from(rt_obj_hash(self));
    r = nat->unary ? nat->unary((rt_unary_op_t)op, self) : RT_NULL;
    if (r) return r;
    if (op == RT_UNARY_BOOL) return RT_TRUE;
    if (op == RT_UNARY_HASH) return rt_small((intptr_t)(self >> 3));
    return rt_obj_unary((rt_unary_op_t)op, self); // raises its TypeError
  case W_GET: return nat->subscr(self, args[1], RT_NULL);
  case W_SET: nat->subscr(self, args[1], args[2]); return RT_NONE;
  case W_DEL: nat->subscr(self, args[1], RT_DELETE); return RT_NONE;
  case W_CONTAINS:
    r = nat->binary ? nat->binary(RT_BINARY_CONTAINS, self, other) : RT_NULL;
    return r ? r : rt_val(&rt_notimpl_obj);
  case W_ITER: return nat->getiter ? nat->getiter(self) : self;
  default:
    r = nat->iternext(self);
    if (!r) rt_raise(rt_exc_new(&rt_exc_StopIteration, 0, NULL));
    return r;
  }
}

// One C function and builtin object per special name: a builtin does not
// know its own name, so each carries its kind and operator in its code.
#define WRAP(ident, q, kind, op, nargs)                                                                      \
  static rt_val_t w_##ident(size_t n, const rt_val_t *args, const rt_kw_t *kw) {                             \
    (void)n, (void)kw;                                                                                       \
    return slot_call(kind, op, args);                                                                        \
  }                                                                                                          \
  static RT_BUILTIN(w_##ident##_obj, q, nargs, nargs, 0, w_##ident);
#define X(n, s, d, r)                                                                                        \
  WRAP(d, d, W_BIN, RT_BINARY_##n, 2)                                                                        \
  WRAP(r, r, W_RBIN, RT_BINARY_##n, 2)
RT_BINARY_OPS(X)
#undef X
WRAP(iadd, __iadd__, W_IBIN, RT_BINARY_INPLACE_ADD, 2)
WRAP(imul, __imul__, W_IBIN, RT_BINARY_INPLACE_MUL, 2)
WRAP(ior, __ior__, W_IBIN, RT_BINARY_INPLACE_OR, 2)
WRAP(iand, __iand__, W_IBIN, RT_BINARY_INPLACE_AND, 2)
WRAP(isub, __isub__, W_IBIN, RT_BINARY_INPLACE_SUB, 2)
WRAP(ixor, __ixor__, W_IBIN, RT_BINARY_INPLACE_XOR, 2)
WRAP(lt, __lt__, W_CMP, RT_BINARY_LT, 2)
WRAP(gt, __gt__, W_CMP, RT_BINARY_GT, 2)
WRAP(eq, __eq__, W_CMP, RT_BINARY_EQ, 2)
WRAP(le, __le__, W_CMP, RT_BINARY_LE, 2)
WRAP(ge, __ge__, W_CMP, RT_BINARY_GE, 2)
WRAP(ne, __ne__, W_CMP, RT_BINARY_NE, 2)
WRAP(bool, __bool__, W_UN, RT_UNARY_BOOL, 1)
WRAP(hash, __hash__, W_UN, RT_UNARY_HASH, 1)
WRAP(neg, __neg__, W_NUM, RT_UNARY_NEG, 1)
WRAP(pos, __pos__, W_NUM, RT_UNARY_POS, 1)
WRAP(invert, __invert__, W_NUM, RT_UNARY_INVERT, 1)
WRAP(abs, __abs__, W_NUM, RT_UNARY_ABS, 1)
WRAP(int, __int__, W_NUM, RT_UNARY_INT, 1)
WRAP(float, __float__, W_NUM, RT_UNARY_FLOAT, 1)
WRAP(index, __index__, W_NUM, RT_UNARY_INT, 1)
WRAP(len, __len__, W_LEN, RT_UNARY_LEN, 1)
WRAP(getitem, __getitem__, W_GET, 0, 2)
WRAP(setitem, __setitem__, W_SET, 0, 3)
WRAP(delitem, __delitem__, W_DEL, 0, 2)
WRAP(contains, __contains__, W_CONTAINS, 0, 2)
WRAP(iter, __iter__, W_ITER, 0, 1)
WRAP(next, __next__, W_NEXT, 0, 1)
#undef WRAP

static const struct {
  unsigned short name;
  unsigned char kind;
  const rt_builtin_t *obj;
} slot_wrappers[] = {
#define X(n, s, d, r) {RT_Q_##d, W_BIN, &w_##d##_obj}, {RT_Q_##r, W_RBIN, &w_##r##_obj},
    RT_BINARY_OPS(X)
#undef X
        {RT_Q___iadd__, W_IBIN, &w_iadd_obj},
    {RT_Q___imul__, W_IBIN, &w_imul_obj},
    {RT_Q___ior__, W_IBIN, &w_ior_obj},
    {RT_Q___iand__, W_IBIN, &w_iand_obj},
    {RT_Q___isub__, W_IBIN, &w_isub_obj},
    {RT_Q___ixor__, W_IBIN, &w_ixor_obj},
    {RT_Q___lt__, W_CMP, &w_lt_obj},
    {RT_Q___gt__, W_CMP, &w_gt_obj},
    {RT_Q___eq__, W_CMP, &w_eq_obj},
    {RT_Q___le__, W_CMP, &w_le_obj},
    {RT_Q___ge__, W_CMP, &w_ge_obj},
    {RT_Q___ne__, W_CMP, &w_ne_obj},
    {RT_Q___bool__, W_UN, &w_bool_obj},
    {RT_Q___hash__, W_UN, &w_hash_obj},
    {RT_Q___neg__, W_NUM, &w_neg_obj},
    {RT_Q___pos__, W_NUM, &w_pos_obj},
    {RT_Q___invert__, W_NUM, &w_invert_obj},
    {RT_Q___abs__, W_NUM, &w_abs_obj},
    {RT_Q___int__, W_NUM, &w_int_obj},
    {RT_Q___float__, W_NUM, &w_float_obj},
    {RT_Q___index__, W_NUM, &w_index_obj},
    {RT_Q___len__, W_LEN, &w_len_obj},
    {RT_Q___getitem__, W_GET, &w_getitem_obj},
    {RT_Q___setitem__, W_SET, &w_setitem_obj},
    {RT_Q___delitem__, W_DEL, &w_delitem_obj},
    {RT_Q___contains__, W_CONTAINS, &w_contains_obj},
    {RT_Q___iter__, W_ITER, &w_iter_obj},
    {RT_Q___next__, W_NEXT, &w_next_obj},
};

// RT_NULL when [t] lacks the slot, so hasattr(5, '__len__') stays false.
rt_val_t rt_type_slot_wrapper(const rt_type_t *t, unsigned q) {
  if (t == &rt_object_type) return RT_NULL;
  // Mutable containers are unhashable: their __hash__ is None.
  if (q == RT_Q___hash__ &&
      (t == &rt_list_type || t == &rt_dict_type || t == &rt_set_type || t == &rt_bytearray_type))
    return RT_NONE;
  for (size_t i = 0; i < sizeof slot_wrappers / sizeof slot_wrappers[0]; i++) {
    if (slot_wrappers[i].name != q) continue;
    bool number = t == &rt_int_type || t == &rt_bool_type || t == &rt_float_type;
    bool container = t->getiter && !(t->flags & RT_TYPE_ITER_SELF);
    bool ok;
    switch (slot_wrappers[i].kind) {
    case W_BIN:
    case W_RBIN:
    case W_CMP: ok = t->binary != NULL; break;
    case W_IBIN:
      ok = t == &rt_list_type || t == &rt_dict_type || t == &rt_set_type || t == &rt_bytearray_type;
      break;
    case W_UN: ok = t->unary != NULL; break;
    case W_NUM: ok = number && (q != RT_Q___index__ || t != &rt_float_type); break;
    case W_LEN: ok = t->unary && container; break;
    case W_GET:
    case W_SET:
    case W_DEL: ok = t->subscr != NULL; break;
    case W_CONTAINS: ok = t->binary && container; break;
    case W_ITER: ok = t->getiter || (t->flags & RT_TYPE_ITER_SELF); break;
    default: ok = t->iternext != NULL; break;
    }
    return ok ? rt_val(slot_wrappers[i].obj) : RT_NULL;
  }
  return RT_NULL;
}
