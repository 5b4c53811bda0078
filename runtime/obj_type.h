// SPDX-License-Identifier: MIT
// obj_type.h: type objects, `object`, None, bool, NotImplemented and
// Ellipsis, classes made by class statements and their instances, and the
// descriptor helpers (staticmethod, classmethod, property, super).
#ifndef RT_OBJ_TYPE_H
#define RT_OBJ_TYPE_H

#include "obj.h"
#include "obj_func.h"

// A class made by a class statement. Its slots dispatch to the special
// methods found along the MRO.
typedef struct {
  rt_type_t t;             // t.flags has RT_TYPE_USER
  rt_dict_t *dict;         // class namespace
  rt_val_t bases;          // tuple of types
  rt_val_t mro;            // tuple of types, the class first
  const rt_type_t *native; // nearest builtin base (object, an exception, list, dict, set)
  uint16_t dict_offset;    // where instances keep their attribute dict pointer
  rt_val_t meta;           // the metaclass that made it, or RT_NULL for type
} rt_class_t;

// An instance of a class whose native base is object. Instances of
// subclasses of list, dict and set are the native object followed by the
// dict pointer (at the class's dict_offset).
typedef struct {
  const rt_type_t *type;
  rt_dict_t *dict;
} rt_instance_t;

// An instance of a class derived from an immutable builtin (int, float,
// str, tuple, bytes, frozenset): the builtin value, boxed, with a dict.
// Builtin operations and methods work on [value].
typedef struct {
  const rt_type_t *type;
  rt_val_t value;
  rt_dict_t *dict;
} rt_boxed_t;

// The builtin value of a boxed instance; any other value unchanged.
rt_val_t rt_type_unbox(rt_val_t v);

extern const rt_type_t rt_staticmethod_type, rt_classmethod_type, rt_property_type, rt_super_type;

// Builds a class from [name] (qstr), a tuple of [bases] and namespace [dict].
rt_val_t rt_type_new_class(rt_val_t name, rt_val_t bases, rt_dict_t *dict);
// Looks [name] up along the MRO of [t] (user dicts and builtin method
// tables). Returns RT_NULL when absent. Never runs Python code.
rt_val_t rt_type_lookup(const rt_type_t *t, rt_val_t name);
// The instance dict of [v] when it has one (user instances, exceptions of
// user classes), else NULL. With [create], makes it when missing.
rt_dict_t *rt_type_instance_dict(rt_val_t v, bool create);
// The reflected form of binary [op] on user instance [self], i.e.
// "other op self" through __radd__ and friends; RT_NULL if not defined.
rt_val_t rt_type_binary_reflected(rt_binary_op_t op, rt_val_t self, rt_val_t other);
// Resolves attribute [name] of [v] as rt_obj_load_method does (out[1] is
// self when out[0] must be called as a method). False when absent. May
// run Python code (properties, __getattr__).
bool rt_type_attr_lookup(rt_val_t v, rt_val_t name, rt_val_t out[2]);
// Stores (or deletes, with RT_DELETE) attribute [name] of [v]; false if
// the object has no place for it.
bool rt_type_attr_store(rt_val_t v, rt_val_t name, rt_val_t value);
// The metaclass of class [t] (its own or a base's), or RT_NULL for type.
rt_val_t rt_type_metaclass(const rt_type_t *t);
// Records that metaclass [meta] made class [cls].
void rt_type_set_metaclass(rt_val_t cls, rt_val_t meta);
// Calls the nearest base's __init_subclass__(cls, **kw) for new class [cls].
void rt_type_init_subclass(rt_val_t cls, const rt_kw_t *kw);
// The nearest builtin type of [t].
const rt_type_t *rt_type_native(const rt_type_t *t);

// The wrapper exposing the slot behind special name [q] (a qstr index) of
// builtin type [t] ([1].__add__, dict.__getitem__): RT_NULL when [t]
// lacks that slot (and for object), None for the __hash__ of mutable
// containers. In obj_type_builtin.c, as is the next.
rt_val_t rt_type_slot_wrapper(const rt_type_t *t, unsigned q);
// Builtin method [func] of builtin type [owner] taken from a class: a
// descriptor whose calls check that the first argument is an [owner].
// Allocates.
rt_val_t rt_type_method_descr(const rt_type_t *owner, rt_val_t func);

// The runtime half of the match statement (obj_type_match.c), called by
// compiled patterns with one tuple (subject, kind, arguments...). Returns
// the values to match further as a tuple, or None when the subject does
// not fit:
//   kind 0, n, star: a sequence of n items (star: index of the *name
//     item, whose value is a list, or -1);
//   kind 1, keys, rest: a mapping with these keys: their values, then a
//     dict of the other items when rest is True;
//   kind 2, cls, npos, names: an instance of cls: the attributes its
//     __match_args__ names for npos positional patterns, then [names].
// Raises TypeError/ValueError for malformed patterns, as CPython does.
extern const rt_builtin_t rt_type_match_obj;
// The member types of a union (int | str, made by | on types) as a tuple;
// RT_NULL when [v] is not a union.
rt_val_t rt_type_union_args(rt_val_t v);

#endif
