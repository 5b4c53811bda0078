// SPDX-License-Identifier: MIT
// obj_gen.h: generators. A generator owns a suspended frame; resuming it
// runs the VM on that frame until it yields or returns.
#ifndef RT_OBJ_GEN_H
#define RT_OBJ_GEN_H

#include "obj.h"

typedef struct rt_frame rt_frame_t;

typedef struct {
  const rt_type_t *type; // &rt_gen_type
  rt_frame_t *frame;
  uint8_t state; // RT_GEN_*
} rt_gen_t;

enum { RT_GEN_CREATED, RT_GEN_SUSPENDED, RT_GEN_RUNNING, RT_GEN_DONE };

extern const rt_type_t rt_gen_type;

rt_val_t rt_gen_new(rt_frame_t *frame);
// gen.send(v): the next yielded value, or RT_NULL with *ret set to the
// return value when the generator finished. Raises.
rt_val_t rt_gen_send(rt_val_t gen, rt_val_t v, rt_val_t *ret);

#endif
