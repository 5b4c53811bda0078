// SPDX-License-Identifier: MIT
// obj_module.h: module objects and the import of builtin modules.
#ifndef RT_OBJ_MODULE_H
#define RT_OBJ_MODULE_H

#include "obj.h"

typedef struct {
  const rt_type_t *type; // &rt_module_type
  rt_dict_t *dict;
} rt_module_t;

// A builtin module: [init] fills the namespace (which already holds
// __name__) when the module is first imported.
typedef struct {
  unsigned short name; // qstr index
  void (*init)(rt_dict_t *globals);
} rt_module_def_t;

// A new module named [name] (qstr) with an empty namespace.
rt_val_t rt_module_new(rt_val_t name);
rt_dict_t *rt_module_dict(rt_val_t m);
// import [name]: sys.modules, then the builtin module table. Raises
// ImportError (ModuleNotFoundError) when unknown.
rt_val_t rt_module_import(rt_val_t name);

// A module's own exception class, made as "class [name]([base])" with
// __module__ [module], and stored in the namespace [g] under [name].
void rt_module_add_exception(rt_dict_t *g, rt_val_t module, rt_val_t name, const rt_type_t *base);

#endif
