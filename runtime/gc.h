// SPDX-License-Identifier: MIT
// gc.h: the mark-sweep collector over the one heap region the port gives.
//
// Layout of the region (after the interpreter state, see state.c):
//   [allocation table: 2 bits per block][leaf table: 1 bit per block]
//   [blocks of RT_GC_BLOCK bytes]
// A block is FREE, the HEAD of an allocation, a TAIL of one, or a marked
// HEAD during a collection. A leaf allocation holds no pointers (string
// bytes, digits, floats, bytecode) and is not scanned.
//
// Roots and scanning are conservative: the interpreter state struct, the C
// stack between the current stack pointer and rt_state->stack_base (set
// by the outermost runtime entry point) and the registers (spilled by
// setjmp) are read word by word; any word that points into an allocation
// (its start or inside it) keeps it alive, and every non-leaf allocation
// reached is scanned the same way. So C code may keep heap pointers in
// local variables freely; no handles or pinning are needed.
#ifndef RT_GC_H
#define RT_GC_H

#include <stdbool.h>
#include <stddef.h>

#define RT_GC_LEAF 1u
// Short-lived data (syntax trees, compiler buffers): allocated from the top
// of the heap so that it does not fragment the long-lived objects below.
#define RT_GC_TEMP 2u

// Sets up an empty heap over [size] bytes at [start].
void rt_gc_init(void *start, size_t size);
// Returns [n] zeroed bytes (n may be 0). Collects when the heap is full and
// raises MemoryError if that did not help.
void *rt_gc_alloc(size_t n, unsigned flags);
// As rt_gc_alloc but returns NULL instead of raising.
void *rt_gc_alloc_maybe(size_t n, unsigned flags);
// Resizes [p] (which may be NULL) to [n] bytes, keeping the prefix and the
// leaf flag; new bytes are zero. Raises MemoryError.
void *rt_gc_realloc(void *p, size_t n);
// As rt_gc_realloc, placing a moved block according to [flags].
void *rt_gc_realloc_ex(void *p, size_t n, unsigned flags);
// Frees [p] at once. The caller guarantees nothing refers to it. NULL and
// pointers outside the heap are ignored.
void rt_gc_free(void *p);
// Zeroes RT_STACK_SCRUB bytes of the C stack below the caller, so that stale pointers
// left there by earlier work cannot keep garbage alive (the stack is
// scanned conservatively). Called before each top-level run.
void rt_gc_scrub_stack(void);
// Runs a full collection.
void rt_gc_collect(void);
// Bytes in use and bytes free (in whole blocks).
size_t rt_gc_used(void);
size_t rt_gc_free_bytes(void);
// The most bytes ever in use at once since rt_init (the rig reports it).
size_t rt_gc_peak(void);
// Calls [cb] for every allocation (start, size in bytes, leaf flag), in
// address order. For diagnostics (mem_info, tests); [cb] must not allocate.
void rt_gc_walk(void (*cb)(void *p, size_t bytes, bool leaf, void *ctx), void *ctx);
// Diagnostics: reports every heap allocation (and the state struct) that
// holds a pointer into [target]'s allocation; returns how many.
size_t rt_gc_find_refs(const void *target, void (*cb)(const void *holder, size_t offset, void *ctx),
                       void *ctx);
// True if [p] points into the heap's blocks.
bool rt_gc_in_heap(const void *p);
// Bytes usable in the allocation holding [p].
size_t rt_gc_size(const void *p);

#endif
