// SPDX-License-Identifier: MIT
// obj_coro.h: coroutines (async def), async generators (async def with
// yield) and the await / async for / async with protocol the VM uses.
//
// A coroutine is an rt_gen_t of type rt_coro_type: send/throw/close as for
// generators; awaiting it runs its frame, and every value its innermost
// await passes up (a yield inside some __await__) comes out of send() for
// the event loop to act on. Values sent in go back down the same chain.
#ifndef RT_OBJ_CORO_H
#define RT_OBJ_CORO_H

#include "obj.h"

// The iterator that "await v" drives: v itself for coroutines, else the
// result of v.__await__(). Raises TypeError when v is not awaitable.
rt_val_t rt_coro_get_awaitable(rt_val_t v);
// One step of "yield from"/"await" on delegate [it]: sends [v] (or throws
// [exc] when not RT_NULL). Returns the value the delegate yields, or RT_NULL
// with *ret set to its result when it finished. Raises what it raises; a
// throw the delegate cannot take is raised as is.
rt_val_t rt_coro_delegate(rt_val_t it, rt_val_t v, rt_val_t exc, rt_val_t *ret);
// async for: aiter(v) and the awaitable iterator of anext(it).
rt_val_t rt_coro_aiter(rt_val_t v);
rt_val_t rt_coro_anext(rt_val_t it);
// async with: the awaitable iterator of ctx.__aenter__() and ctx's bound
// __aexit__ in *aexit; raises TypeError when ctx is no async context manager.
rt_val_t rt_coro_aenter(rt_val_t ctx, rt_val_t *aexit);
// The awaitable iterator of aexit(type(exc), exc, None), or of
// aexit(None, None, None) when [exc] is RT_NULL.
rt_val_t rt_coro_aexit(rt_val_t aexit, rt_val_t exc);

#endif
