// SPDX-License-Identifier: MIT
// obj.h: the value word, the object header, the type record and the generic
// object protocol (implemented in obj.c).
//
// The value word (rt_val_t) is one machine word:
//
//   bit:  N-1 ..................................... 3  2  1  0
//         +------------------------------------------+--+--+--+
//         | signed integer, N-1 bits                         | 1|  small int
//         +------------------------------------------+--+--+--+
//         | interned name index (qstr)               | 0| 1| 0|  qstr
//         +------------------------------------------+--+--+--+
//         | k: 0 None, 1 False, 2 True                | 1| 1| 0|  immediate
//         +------------------------------------------+--+--+--+
//         | address of an object, 4-byte aligned        | 0| 0|  object
//         +---------------------------------------------+--+--+
//
// The word 0 is RT_NULL: "no value" (end of iteration, unbound local, not
// implemented). It is never visible to Python code.
//
// Every object starts with a pointer to its type. Objects live in the GC
// heap, except the static ones (types, builtin functions, the empty tuple)
// which live in read-only data; the GC ignores pointers outside its heap.
#ifndef RT_OBJ_H
#define RT_OBJ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "rt_config.h"

typedef uintptr_t rt_val_t;

// memcpy/memmove that accept NULL pointers when [n] is 0 (empty lists and
// tuples have no item array).
static inline void rt_memcpy(void *dst, const void *src, size_t n) {
  if (n) memcpy(dst, src, n);
}
static inline void rt_memmove(void *dst, const void *src, size_t n) {
  if (n) memmove(dst, src, n);
}

#define RT_NULL ((rt_val_t)0)
#define RT_NONE ((rt_val_t)0x06)
#define RT_FALSE ((rt_val_t)0x0e)
#define RT_TRUE ((rt_val_t)0x16)

#define RT_SMALL_MAX ((intptr_t)(INTPTR_MAX >> 1))
#define RT_SMALL_MIN ((intptr_t)(INTPTR_MIN >> 1))

static inline bool rt_is_small(rt_val_t v) {
  return (v & 1) != 0;
}
static inline bool rt_is_qstr(rt_val_t v) {
  return (v & 7) == 2;
}
static inline bool rt_is_ptr(rt_val_t v) {
  return (v & 3) == 0 && v != 0;
}
static inline intptr_t rt_small_get(rt_val_t v) {
  return (intptr_t)v >> 1;
}
// [i] must be within RT_SMALL_MIN..RT_SMALL_MAX.
static inline rt_val_t rt_small(intptr_t i) {
  return ((uintptr_t)i << 1) | 1;
}
static inline bool rt_small_fits(intptr_t i) {
  return i >= RT_SMALL_MIN && i <= RT_SMALL_MAX;
}

// Whether small int [v] converts to a double exactly (|v| < 2**53): always
// on a 32-bit target, whose small ints have 31 bits.
static inline bool rt_small_fits_double(rt_val_t v) {
#if INTPTR_MAX > (1LL << 53)
  intptr_t i = rt_small_get(v);
  return i < ((intptr_t)1 << 53) && i > -((intptr_t)1 << 53);
#else
  (void)v;
  return true;
#endif
}
static inline unsigned rt_qstr_index(rt_val_t v) {
  return (unsigned)(v >> 3);
}
static inline rt_val_t rt_qstr_val(unsigned idx) {
  return ((rt_val_t)idx << 3) | 2;
}
static inline rt_val_t rt_bool(bool b) {
  return b ? RT_TRUE : RT_FALSE;
}

typedef struct rt_type rt_type_t;

// The header of every object.
typedef struct {
  const rt_type_t *type;
} rt_obj_t;

static inline rt_obj_t *rt_ptr(rt_val_t v) {
  return (rt_obj_t *)v;
}
static inline rt_val_t rt_val(const void *p) {
  return (rt_val_t)p;
}

// Keyword arguments of a call, borrowed from the caller (usually the VM's
// value stack): names[i] (qstr values) go with values[i].
typedef struct {
  size_t n;
  const rt_val_t *names;
  const rt_val_t *values;
} rt_kw_t;

// A builtin function: args[0..n-1] are the positional arguments (for a
// method args[0] is self); kw is NULL when there are none. May raise.
typedef rt_val_t (*rt_native_t)(size_t n, const rt_val_t *args, const rt_kw_t *kw);

// Unary operations of the type slot. BOOL returns RT_TRUE/RT_FALSE, LEN a
// small int, HASH a small int. A slot returns RT_NULL when unsupported.
typedef enum {
  RT_UNARY_POS,
  RT_UNARY_NEG,
  RT_UNARY_INVERT,
  RT_UNARY_BOOL,
  RT_UNARY_LEN,
  RT_UNARY_HASH,
  RT_UNARY_ABS,
  RT_UNARY_INT,
  RT_UNARY_FLOAT,
} rt_unary_op_t;

// Binary operations. The in-place forms come right after the plain ones in
// the same order so that INPLACE_x - RT_BINARY_INPLACE_FIRST == x.
#define RT_BINARY_OPS(X)                                                                                     \
  X(ADD, "+", __add__, __radd__)                                                                             \
  X(SUB, "-", __sub__, __rsub__)                                                                             \
  X(MUL, "*", __mul__, __rmul__)                                                                             \
  X(TRUEDIV, "/", __truediv__, __rtruediv__)                                                                 \
  X(FLOORDIV, "//", __floordiv__, __rfloordiv__)                                                             \
  X(MOD, "%", __mod__, __rmod__)                                                                             \
  X(POW, "**", __pow__, __rpow__)                                                                            \
  X(LSHIFT, "<<", __lshift__, __rlshift__)                                                                   \
  X(RSHIFT, ">>", __rshift__, __rrshift__)                                                                   \
  X(AND, "&", __and__, __rand__)                                                                             \
  X(OR, "|", __or__, __ror__)                                                                                \
  X(XOR, "^", __xor__, __rxor__)                                                                             \
  X(MATMUL, "@", __matmul__, __rmatmul__)

typedef enum {
#define X(n, s, d, r) RT_BINARY_##n,
  RT_BINARY_OPS(X)
#undef X
      RT_BINARY_INPLACE_FIRST,
#define X(n, s, d, r) RT_BINARY_INPLACE_##n,
  RT_BINARY_OPS(X)
#undef X
      RT_BINARY_LT,
  RT_BINARY_GT,
  RT_BINARY_EQ,
  RT_BINARY_LE,
  RT_BINARY_GE,
  RT_BINARY_NE,
  RT_BINARY_CONTAINS, // a.contains(b): "b in a"
  RT_BINARY_COUNT
} rt_binary_op_t;

// One entry of a builtin type's method table (terminated by name 0).
typedef struct {
  unsigned short name; // qstr index
  const void *value;   // an object, usually a static rt_builtin_t
} rt_method_t;

typedef struct rt_printer rt_printer_t;
typedef struct rt_dict rt_dict_t;

// Type flags.
#define RT_TYPE_USER 0x01      // a class statement made it (an rt_class_t)
#define RT_TYPE_EXC 0x02       // instances are rt_exc_t
#define RT_TYPE_BASETYPE 0x04  // may be subclassed by a class statement
#define RT_TYPE_ITER_SELF 0x08 // iter(x) is x
#define RT_TYPE_DESCR 0x10     // a class in the MRO has a property or __getattr__-like hook

// A type. Builtin types are static; a class statement makes an
// rt_class_t, which begins with this record. A slot left NULL means the
// operation is unsupported (or handled generically by obj.c).
struct rt_type {
  const rt_type_t *type; // always &rt_type_type
  unsigned short name;   // qstr index
  unsigned short flags;
  const rt_type_t *base; // first base; NULL for object
  const rt_method_t *methods;
  // Writes str(self) (repr when [repr]) to [p].
  void (*print)(rt_printer_t *p, rt_val_t self, bool repr);
  // type(...) called: builds an instance of [t].
  rt_val_t (*make_new)(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw);
  // self(...) called.
  rt_val_t (*call)(rt_val_t self, size_t n, const rt_val_t *args, const rt_kw_t *kw);
  rt_val_t (*unary)(rt_unary_op_t op, rt_val_t self);
  // [self] is the left operand; RT_NULL means NotImplemented.
  rt_val_t (*binary)(rt_binary_op_t op, rt_val_t self, rt_val_t other);
  // Attribute hook: load when [store] is RT_NULL (returns RT_NULL if
  // absent), store otherwise (returns RT_NONE when handled, RT_NULL if
  // not), delete when [store] is RT_DELETE.
  rt_val_t (*attr)(rt_val_t self, rt_val_t name, rt_val_t store);
  // self[index]: load when [value] is RT_NULL, delete when RT_DELETE,
  // store otherwise (returns RT_NONE).
  rt_val_t (*subscr)(rt_val_t self, rt_val_t index, rt_val_t value);
  rt_val_t (*getiter)(rt_val_t self);
  // Returns the next item or RT_NULL at the end (no StopIteration).
  rt_val_t (*iternext)(rt_val_t self);
};

// A sentinel passed as a value meaning "delete".
#define RT_DELETE ((rt_val_t)0x1e)

extern const rt_type_t rt_type_type, rt_object_type, rt_none_type, rt_bool_type, rt_int_type, rt_float_type,
    rt_str_type, rt_list_type, rt_tuple_type, rt_dict_type, rt_range_type, rt_func_type, rt_builtin_type,
    rt_bound_type, rt_code_type, rt_cell_type, rt_module_type, rt_slice_type, rt_notimpl_type,
    rt_ellipsis_type;

extern const rt_obj_t rt_notimpl_obj, rt_ellipsis_obj;

// The type of any value. Never NULL for a valid value.
static inline const rt_type_t *rt_typeof(rt_val_t v) {
  if (rt_is_small(v)) return &rt_int_type;
  if (rt_is_qstr(v)) return &rt_str_type;
  if ((v & 7) == 6) return v == RT_NONE ? &rt_none_type : &rt_bool_type;
  return rt_ptr(v)->type;
}

// True if [v] is an object (not immediate) whose type is exactly [t].
static inline bool rt_is_obj(rt_val_t v, const rt_type_t *t) {
  return rt_is_ptr(v) && rt_ptr(v)->type == t;
}
static inline bool rt_is_str(rt_val_t v) {
  return rt_is_qstr(v) || rt_is_obj(v, &rt_str_type);
}
static inline bool rt_is_type(rt_val_t v) {
  return rt_is_obj(v, &rt_type_type);
}

// ---- generic object protocol (obj.c); every function may raise ----

// True if type [t] is [base] or derives from it.
bool rt_obj_subtype(const rt_type_t *t, const rt_type_t *base);
// isinstance(v, t) for a single type.
bool rt_obj_isinstance(rt_val_t v, const rt_type_t *t);
// The Python truth value of [v].
bool rt_obj_truthy(rt_val_t v);
// a == b by Python rules (identity first).
bool rt_obj_eq(rt_val_t a, rt_val_t b);
// hash(v) as a machine integer; raises TypeError for unhashable values.
intptr_t rt_obj_hash(rt_val_t v);
// len(v) as a machine integer.
size_t rt_obj_len(rt_val_t v);
// Applies unary [op]; raises TypeError if unsupported.
rt_val_t rt_obj_unary(rt_unary_op_t op, rt_val_t v);
// Applies binary [op], with reflection and in-place fallbacks; raises
// TypeError if neither side supports it.
rt_val_t rt_obj_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b);
// Rich comparison returning a Python value (may be a non-bool for user types).
rt_val_t rt_obj_compare(rt_binary_op_t op, rt_val_t a, rt_val_t b);
// "b in a".
bool rt_obj_contains(rt_val_t a, rt_val_t b);
// Writes str(v) or repr(v) to [p].
void rt_obj_print(rt_printer_t *p, rt_val_t v, bool repr);
// str(v) / repr(v) as a str value.
rt_val_t rt_obj_str(rt_val_t v);
rt_val_t rt_obj_repr(rt_val_t v);
// Attribute load; raises AttributeError when absent.
rt_val_t rt_obj_getattr(rt_val_t v, rt_val_t name);
// Attribute load; returns RT_NULL when absent (other errors still raise).
rt_val_t rt_obj_getattr_maybe(rt_val_t v, rt_val_t name);
// Method lookup for a call: fills out[0] with the callable and out[1] with
// self (or RT_NULL when the callable needs no self). Raises when absent.
void rt_obj_load_method(rt_val_t v, rt_val_t name, rt_val_t out[2]);
// Like rt_obj_load_method but returns false instead of raising.
bool rt_obj_load_method_maybe(rt_val_t v, rt_val_t name, rt_val_t out[2]);
void rt_obj_setattr(rt_val_t v, rt_val_t name, rt_val_t value);
void rt_obj_delattr(rt_val_t v, rt_val_t name);
rt_val_t rt_obj_subscr(rt_val_t v, rt_val_t index);
void rt_obj_store_subscr(rt_val_t v, rt_val_t index, rt_val_t value);
void rt_obj_del_subscr(rt_val_t v, rt_val_t index);
// Calls [f] (may run Python code through the VM).
rt_val_t rt_obj_call(rt_val_t f, size_t n, const rt_val_t *args, const rt_kw_t *kw);
// Calls method-style: out[0](out[1], args...) where out[1] may be RT_NULL.
rt_val_t rt_obj_call_method(const rt_val_t m[2], size_t n, const rt_val_t *args);
rt_val_t rt_obj_call0(rt_val_t f);
rt_val_t rt_obj_call1(rt_val_t f, rt_val_t a);
rt_val_t rt_obj_call2(rt_val_t f, rt_val_t a, rt_val_t b);
// iter(v) and next(it) (RT_NULL at the end).
rt_val_t rt_obj_getiter(rt_val_t v);
rt_val_t rt_obj_iternext(rt_val_t it);
// The machine integer of an int or bool; raises TypeError otherwise (or
// OverflowError for a big int).
intptr_t rt_obj_get_int(rt_val_t v);
// The same for a 64-bit C value (OverflowError beyond it): for quantities
// that outgrow a 32-bit target's word, such as seconds since the epoch.
long long rt_obj_get_ll(rt_val_t v);
// A C double for int/bool/float; raises TypeError otherwise.
double rt_obj_get_float(rt_val_t v);
// A sequence index normalised against [len] (negative counts from the
// end); raises IndexError (naming [what]) when out of range.
size_t rt_obj_index(rt_val_t index, size_t len, const char *what);
// Borrowed items of a tuple or list: sets *items and returns the count;
// raises TypeError for other types.
size_t rt_obj_get_items(rt_val_t v, rt_val_t **items);
// The type name of [v] as a C string.
const char *rt_obj_type_name(rt_val_t v);

#endif
