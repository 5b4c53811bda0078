// SPDX-License-Identifier: MIT
// obj_gen.h: generators, and the machinery coroutines and async generators
// (obj_coro.c) share with them. Each owns a suspended frame; resuming it
// runs the VM on that frame until it yields or returns.
#ifndef RT_OBJ_GEN_H
#define RT_OBJ_GEN_H

#include "obj.h"
#include "obj_func.h"

typedef struct rt_frame rt_frame_t;

// The object behind a generator, a coroutine and an async generator; only
// the type differs (chosen from the code flags by rt_gen_new).
typedef struct {
  const rt_type_t *type; // &rt_gen_type, &rt_coro_type or &rt_async_gen_type
  rt_frame_t *frame;     // NULL once finished
  uint8_t state;         // RT_GEN_*
} rt_gen_t;

enum { RT_GEN_CREATED, RT_GEN_SUSPENDED, RT_GEN_RUNNING, RT_GEN_DONE };

extern const rt_type_t rt_gen_type, rt_coro_type, rt_async_gen_type;

// A generator, coroutine or async generator over suspended [frame],
// according to its code's flags.
rt_val_t rt_gen_new(rt_frame_t *frame);
// gen.send(v): the next yielded value, or RT_NULL with *ret set to the
// return value when the generator finished. Raises.
rt_val_t rt_gen_send(rt_val_t gen, rt_val_t v, rt_val_t *ret);
// Resumes [gen] (any of the three types) sending [v], or throwing [exc]
// when not RT_NULL. Returns as rt_gen_send. Raises what the frame raises
// (StopIteration escaping it becomes RuntimeError).
rt_val_t rt_gen_resume(rt_val_t gen, rt_val_t v, rt_val_t exc, rt_val_t *ret);
// gen.close(): raises GeneratorExit at the suspension point. Raises
// RuntimeError when the frame yields instead of finishing.
void rt_gen_close(rt_val_t gen);
// True when [gen] is suspended inside an await or yield from (its frame
// passed a value up from a delegate) rather than at its own yield.
bool rt_gen_in_delegate(rt_val_t gen);
// Prints <kind object name at address>.
void rt_gen_print(rt_printer_t *p, rt_val_t self, bool repr);
// The send/throw/close methods, shared by generators and coroutines.
extern const rt_builtin_t rt_gen_send_obj, rt_gen_throw_obj, rt_gen_close_obj;

#endif
