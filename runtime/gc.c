// SPDX-License-Identifier: MIT
// gc.c: mark-sweep over a fixed region with a 2-bit allocation table.
//
// Invariants: every block is FREE, HEAD or TAIL outside a collection; a
// TAIL follows a HEAD or a TAIL; rt_state->gc_hint is at or before the
// first FREE block; gc_rover is where the last allocation ended. During
// marking a reached HEAD becomes MARK; the sweep turns MARK back into HEAD
// and frees every unreached allocation. Long-lived allocation is next fit
// from the rover, temporaries (RT_GC_TEMP) last fit from the top; a full
// heap triggers one collection before MemoryError. No finalisers.
#include <setjmp.h>
#include <string.h>

#include "gc.h"
#include "hal.h"
#include "obj_exc.h"
#include "raise.h"
#include "state.h"

enum { FREE = 0, HEAD = 1, TAIL = 2, MARK = 3 };

#define BLOCK RT_GC_BLOCK
#define MARK_STACK 64
#define HUGE_BLOCKS 2048 // allocations of 32 KB and more are placed from the top

static inline unsigned atb_get(size_t b) {
  return (rt_state->gc_atb[b >> 2] >> ((b & 3) * 2)) & 3;
}
static inline void atb_set(size_t b, unsigned k) {
  uint8_t *p = &rt_state->gc_atb[b >> 2];
  unsigned sh = (b & 3) * 2;
  *p = (uint8_t)((*p & ~(3u << sh)) | (k << sh));
}
static inline bool leaf_get(size_t b) {
  return (rt_state->gc_leaf[b >> 3] >> (b & 7)) & 1;
}
static inline void leaf_set(size_t b, bool on) {
  if (on)
    rt_state->gc_leaf[b >> 3] |= (uint8_t)(1u << (b & 7));
  else
    rt_state->gc_leaf[b >> 3] &= (uint8_t) ~(1u << (b & 7));
}
static inline char *block_addr(size_t b) {
  return rt_state->gc_pool + b * BLOCK;
}

void rt_gc_init(void *start, size_t size) {
  uintptr_t a = ((uintptr_t)start + 7) & ~(uintptr_t)7;
  size -= a - (uintptr_t)start;
  // Each block costs BLOCK bytes plus 3 bits of tables.
  size_t n = (size * 8) / (BLOCK * 8 + 3);
  while (n > 0 && (n + 3) / 4 + (n + 7) / 8 + 16 + n * BLOCK > size)
    n--;
  rt_state->gc_atb = (uint8_t *)a;
  rt_state->gc_leaf = rt_state->gc_atb + (n + 3) / 4;
  uintptr_t pool = (uintptr_t)(rt_state->gc_leaf + (n + 7) / 8);
  pool = (pool + 15) & ~(uintptr_t)15;
  rt_state->gc_pool = (char *)pool;
  rt_state->gc_nblocks = n;
  rt_state->gc_hint = 0;
  rt_state->gc_rover = 0;
  rt_state->gc_used_blocks = 0;
  memset(rt_state->gc_atb, 0, (n + 3) / 4 + (n + 7) / 8);
}

bool rt_gc_in_heap(const void *p) {
  uintptr_t a = (uintptr_t)p, lo = (uintptr_t)rt_state->gc_pool;
  return a >= lo && a < lo + rt_state->gc_nblocks * BLOCK;
}

// The HEAD block of the allocation holding address [p], or (size_t)-1.
static size_t find_head(uintptr_t p) {
  uintptr_t lo = (uintptr_t)rt_state->gc_pool;
  if (p < lo || p >= lo + rt_state->gc_nblocks * BLOCK) return (size_t)-1;
  size_t b = (p - lo) / BLOCK;
  unsigned k = atb_get(b);
  if (k == FREE) return (size_t)-1;
  while (k == TAIL)
    k = atb_get(--b);
  return b;
}

static size_t alloc_blocks(size_t b) {
  size_t n = 1;
  while (b + n < rt_state->gc_nblocks && atb_get(b + n) == TAIL)
    n++;
  return n;
}

size_t rt_gc_size(const void *p) {
  size_t b = find_head((uintptr_t)p);
  if (b == (size_t)-1) return 0;
  return alloc_blocks(b) * BLOCK - ((uintptr_t)p - (uintptr_t)block_addr(b));
}

// ---- marking ----

typedef struct {
  size_t stack[MARK_STACK];
  size_t sp;
  bool overflow;
} marker_t;

static void mark_word(marker_t *m, uintptr_t w) {
  size_t b = find_head(w);
  if (b == (size_t)-1 || atb_get(b) != HEAD) return;
  atb_set(b, MARK);
  if (leaf_get(b)) return;
  if (m->sp == MARK_STACK) {
    m->overflow = true;
    return;
  }
  m->stack[m->sp++] = b;
}

static void scan_block(marker_t *m, size_t b) {
  size_t n = alloc_blocks(b);
  uintptr_t *w = (uintptr_t *)block_addr(b), *e = w + n * BLOCK / sizeof(uintptr_t);
  for (; w < e; w++)
    mark_word(m, *w);
}

static void drain(marker_t *m) {
  for (;;) {
    while (m->sp)
      scan_block(m, m->stack[--m->sp]);
    if (!m->overflow) return;
    // The mark stack overflowed: rescan every marked allocation (marking
    // is idempotent, so this only finds what was skipped).
    m->overflow = false;
    for (size_t b = 0; b < rt_state->gc_nblocks; b++)
      if (atb_get(b) == MARK && !leaf_get(b)) {
        scan_block(m, b);
        while (m->sp)
          scan_block(m, m->stack[--m->sp]);
      }
  }
}

// Reads the C stack between the stack pointer and the recorded base. Must
// not be instrumented: the stack holds sanitizer redzones.
__attribute__((noinline, no_sanitize_address)) static void scan_range(marker_t *m, const void *lo,
                                                                      const void *hi) {
  uintptr_t a = ((uintptr_t)lo) & ~(uintptr_t)(sizeof(uintptr_t) - 1);
  for (; a + sizeof(uintptr_t) <= (uintptr_t)hi; a += sizeof(uintptr_t))
    mark_word(m, *(const uintptr_t *)a);
}

__attribute__((noinline)) static void mark_roots(marker_t *m) {
  jmp_buf regs; // spills callee-saved registers onto the stack
  setjmp(regs);
  scan_range(m, &regs, (const char *)&regs + sizeof regs);
  scan_range(m, rt_state, (const char *)rt_state + sizeof *rt_state);
  void *sp = __builtin_frame_address(0);
  if (rt_state->stack_base && (uintptr_t)sp < (uintptr_t)rt_state->stack_base)
    scan_range(m, sp, rt_state->stack_base);
  drain(m);
}

void rt_gc_collect(void) {
  if (rt_state->gc_busy) return;
  rt_state->gc_busy = true;
  // Frames the VM keeps for reuse are released to the sweep.
  memset(rt_state->frame_cache, 0, sizeof rt_state->frame_cache);
  marker_t m;
  m.sp = 0;
  m.overflow = false;
  mark_roots(&m);
  size_t used = 0, hint = (size_t)-1;
  bool in_free = false;
  for (size_t b = 0; b < rt_state->gc_nblocks; b++) {
    // Fast paths: 32, then four free blocks at once (the table starts
    // 8-byte aligned, so b % 32 == 0 reads an aligned word).
    if ((b & 31) == 0 && b + 32 <= rt_state->gc_nblocks) {
      uint64_t word;
      memcpy(&word, &rt_state->gc_atb[b >> 2], sizeof word);
      if (word == 0) {
        in_free = false;
        if (hint == (size_t)-1) hint = b;
        b += 31;
        continue;
      }
    }
    if ((b & 3) == 0 && b + 4 <= rt_state->gc_nblocks && rt_state->gc_atb[b >> 2] == 0) {
      in_free = false;
      if (hint == (size_t)-1) hint = b;
      b += 3;
      continue;
    }
    switch (atb_get(b)) {
    case MARK:
      atb_set(b, HEAD);
      in_free = false;
      used++;
      break;
    case HEAD:
      atb_set(b, FREE);
      leaf_set(b, false);
      in_free = true;
      if (hint == (size_t)-1) hint = b;
      break;
    case TAIL:
      if (in_free)
        atb_set(b, FREE);
      else
        used++;
      break;
    default:
      in_free = false;
      if (hint == (size_t)-1) hint = b;
      break;
    }
  }
  rt_state->gc_used_blocks = used;
  rt_state->gc_hint = hint == (size_t)-1 ? rt_state->gc_nblocks : hint;
  rt_state->gc_rover = rt_state->gc_hint;
  rt_state->gc_wrapped = false;
  rt_state->gc_since = 0;
  rt_state->gc_collections++;
  rt_state->gc_busy = false;
}

// ---- allocation ----

// Lowers the first-free hint to block [b] (freed just now).
static void hints_lower(size_t b) {
  if (b < rt_state->gc_hint) rt_state->gc_hint = b;
}

// Searches [from, to) for a run of [nb] free blocks; returns its start or
// (size_t)-1.
static size_t find_run(size_t from, size_t to, size_t nb) {
  size_t run = 0, start = 0;
  for (size_t b = from; b < to; b++) {
    // Skip whole table bytes (4 blocks) that have no free block.
    if (run == 0 && (b & 3) == 0) {
      while (b + 4 <= to) {
        unsigned byte = rt_state->gc_atb[b >> 2];
        if (((byte | (byte >> 1)) & 0x55) != 0x55) break;
        b += 4;
      }
      if (b >= to) break;
    }
    // Count whole free table bytes (4 blocks) at once: big runs are found
    // without looking at every block.
    if ((b & 3) == 0 && nb > 4) {
      while (b + 4 <= to && rt_state->gc_atb[b >> 2] == 0) {
        if (run == 0) start = b;
        run += 4;
        if (run >= nb) return start;
        b += 4;
      }
      if (b >= to) break;
    }
    if (atb_get(b) == FREE) {
      if (run == 0) start = b;
      if (++run == nb) return start;
    } else {
      run = 0;
    }
  }
  return (size_t)-1;
}

// Next fit: from the rover (where the last allocation ended) to the end,
// then from the first free block. The rover returns to the first free
// block after each collection, so a fresh heap fills bottom-up. Next fit
// keeps allocation O(1) when short-lived blocks are freed behind a growing
// set of live ones (first fit would rescan the live ones every time).
// Small heaps (the board's) use plain first fit, which fragments less; the
// scans it costs are bounded by the small heap.
#define NEXT_FIT_MIN_BLOCKS 16384

static void *try_alloc(size_t nb, unsigned flags) {
  size_t total = rt_state->gc_nblocks, start = (size_t)-1;
  if (total < NEXT_FIT_MIN_BLOCKS) {
    rt_state->gc_rover = rt_state->gc_hint;
  } else if (rt_state->gc_since > total / 2 && !rt_state->gc_busy && !rt_state->gc_wrapped) {
    // Collect after every half heap of allocation: the rover then restarts
    // at the bottom, so live objects stay packed low and big runs remain.
    rt_state->gc_wrapped = true;
    return NULL;
  }
  if (rt_state->gc_rover < total) start = find_run(rt_state->gc_rover, total, nb);
  if (start == (size_t)-1) {
    // The rover reached the end: rather than crawl through the holes of a
    // heap full of garbage, collect first (once per sweep of the heap).
    if (total >= NEXT_FIT_MIN_BLOCKS && !rt_state->gc_wrapped && !rt_state->gc_busy) {
      rt_state->gc_wrapped = true;
      return NULL;
    }
  }
  if (start == (size_t)-1) {
    size_t to = rt_state->gc_rover + nb < total ? rt_state->gc_rover + nb : total;
    start = find_run(rt_state->gc_hint, to, nb);
  }
  if (start == (size_t)-1) return NULL;
  atb_set(start, HEAD);
  for (size_t i = 1; i < nb; i++)
    atb_set(start + i, TAIL);
  leaf_set(start, (flags & RT_GC_LEAF) != 0);
  rt_state->gc_rover = start + nb;
  if (start == rt_state->gc_hint) {
    size_t h = start + nb;
    while (h < total && atb_get(h) != FREE)
      h++;
    rt_state->gc_hint = h;
  }
  rt_state->gc_used_blocks += nb;
  rt_state->gc_since += nb;
  if (rt_state->gc_used_blocks > rt_state->gc_peak_blocks)
    rt_state->gc_peak_blocks = rt_state->gc_used_blocks;
  void *p = block_addr(start);
  memset(p, 0, nb * BLOCK);
  return p;
}

// Last fit: the highest run of [nb] free blocks (for RT_GC_TEMP).
static void *try_alloc_top(size_t nb, unsigned flags) {
  size_t run = 0, b = rt_state->gc_nblocks;
  while (b-- > rt_state->gc_hint) {
    // Skip whole table bytes (4 blocks) without a free block.
    if (run == 0 && (b & 3) == 3 && b >= 3) {
      while (b >= 3 && b - 3 > rt_state->gc_hint) {
        unsigned byte = rt_state->gc_atb[b >> 2];
        if (((byte | (byte >> 1)) & 0x55) != 0x55) break;
        b -= 4;
      }
    }
    if (atb_get(b) != FREE) {
      run = 0;
      continue;
    }
    if (++run < nb) continue;
    atb_set(b, HEAD);
    for (size_t i = 1; i < nb; i++)
      atb_set(b + i, TAIL);
    leaf_set(b, (flags & RT_GC_LEAF) != 0);
    rt_state->gc_used_blocks += nb;
    if (rt_state->gc_used_blocks > rt_state->gc_peak_blocks)
      rt_state->gc_peak_blocks = rt_state->gc_used_blocks;
    if (b == rt_state->gc_hint) {
      size_t h = b + nb;
      while (h < rt_state->gc_nblocks && atb_get(h) != FREE)
        h++;
      rt_state->gc_hint = h;
    }
    void *p = block_addr(b);
    memset(p, 0, nb * BLOCK);
    return p;
  }
  return NULL;
}

// The common case in one place: one or two blocks, and the blocks where
// the allocator would look first are free. Returns NULL to take the
// general path (try_alloc), which it mirrors.
static inline void *alloc_small(size_t nb, unsigned flags) {
  size_t total = rt_state->gc_nblocks;
  size_t b = total < NEXT_FIT_MIN_BLOCKS ? rt_state->gc_hint : rt_state->gc_rover;
  if (b + nb > total || atb_get(b) != FREE || (nb == 2 && atb_get(b + 1) != FREE)) return NULL;
  if (total >= NEXT_FIT_MIN_BLOCKS && rt_state->gc_since > total / 2 && !rt_state->gc_wrapped) return NULL;
  atb_set(b, HEAD);
  if (nb == 2) atb_set(b + 1, TAIL);
  leaf_set(b, (flags & RT_GC_LEAF) != 0);
  rt_state->gc_rover = b + nb;
  if (b == rt_state->gc_hint) {
    size_t h = b + nb;
    while (h < total && atb_get(h) != FREE)
      h++;
    rt_state->gc_hint = h;
  }
  rt_state->gc_used_blocks += nb;
  rt_state->gc_since += nb;
  if (rt_state->gc_used_blocks > rt_state->gc_peak_blocks)
    rt_state->gc_peak_blocks = rt_state->gc_used_blocks;
  char *p = block_addr(b);
  memset(p, 0, BLOCK);
  if (nb == 2) memset(p + BLOCK, 0, BLOCK);
  return p;
}

void *rt_gc_alloc_maybe(size_t n, unsigned flags) {
  size_t nb = n ? (n + BLOCK - 1) / BLOCK : 1;
  if (nb <= 2 && !(flags & RT_GC_TEMP) && !rt_state->gc_lock_depth && !rt_state->gc_stress &&
      !rt_state->gc_threshold && !rt_state->gc_busy) {
    void *p = alloc_small(nb, flags);
    if (p) return p;
  }
  if (rt_state->gc_lock_depth > 0) return NULL; // micropython.heap_lock()
  if (rt_state->gc_stress) rt_gc_collect();
  // gc.threshold(): counted over bottom-up allocations (rt_state->gc_since).
  if (rt_state->gc_threshold && !rt_state->gc_auto_off && !rt_state->gc_busy &&
      rt_state->gc_since * BLOCK >= rt_state->gc_threshold)
    rt_gc_collect();
  // Huge blocks (big list arrays, long strings) go to the top as well: away
  // from the many small objects, big free runs stay available.
  bool top = (flags & RT_GC_TEMP) || nb >= HUGE_BLOCKS;
  void *p = top ? try_alloc_top(nb, flags) : try_alloc(nb, flags);
  if (!p && !rt_state->gc_busy) {
    if (!rt_state->gc_auto_off) rt_gc_collect(); // gc.disable() turns this off
    p = top ? try_alloc_top(nb, flags) : try_alloc(nb, flags);
  }
  return p;
}

void *rt_gc_alloc(size_t n, unsigned flags) {
  void *p = rt_gc_alloc_maybe(n, flags);
  if (!p) rt_raise_memory_error();
  return p;
}

void rt_gc_free(void *p) {
  if (!p || rt_state->gc_busy) return;
  size_t b = find_head((uintptr_t)p);
  if (b == (size_t)-1 || block_addr(b) != (char *)p) return;
  size_t n = alloc_blocks(b);
  for (size_t i = 0; i < n; i++)
    atb_set(b + i, FREE);
  leaf_set(b, false);
  rt_state->gc_used_blocks -= n;
  hints_lower(b);
}

void *rt_gc_realloc(void *p, size_t n) {
  return rt_gc_realloc_ex(p, n, 0);
}

void *rt_gc_realloc_ex(void *p, size_t n, unsigned flags) {
  if (!p) return rt_gc_alloc(n, flags);
  size_t b = find_head((uintptr_t)p);
  if (b == (size_t)-1 || block_addr(b) != (char *)p) hal_fatal("gc: realloc of a foreign pointer");
  size_t have = alloc_blocks(b), need = n ? (n + BLOCK - 1) / BLOCK : 1;
  if (need <= have) {
    // Shrink in place: free the surplus tail.
    for (size_t i = need; i < have; i++)
      atb_set(b + i, FREE);
    rt_state->gc_used_blocks -= have - need;
    if (have > need) hints_lower(b + need);
    return p;
  }
  // Grow in place when the following blocks are free.
  size_t extra = 0;
  while (b + have + extra < rt_state->gc_nblocks && extra < need - have && atb_get(b + have + extra) == FREE)
    extra++;
  if (extra == need - have) {
    for (size_t i = have; i < need; i++)
      atb_set(b + i, TAIL);
    memset(block_addr(b + have), 0, extra * BLOCK);
    rt_state->gc_used_blocks += extra;
    if (rt_state->gc_hint >= b + have && rt_state->gc_hint < b + need) {
      size_t h = b + need;
      while (h < rt_state->gc_nblocks && atb_get(h) != FREE)
        h++;
      rt_state->gc_hint = h;
    }
    return p;
  }
  void *q = rt_gc_alloc(n, (flags & RT_GC_TEMP) | (leaf_get(b) ? RT_GC_LEAF : 0));
  rt_memcpy(q, p, have * BLOCK);
  rt_gc_free(p);
  return q;
}

size_t rt_gc_used(void) {
  return rt_state->gc_used_blocks * BLOCK;
}
size_t rt_gc_peak(void) {
  return rt_state->gc_peak_blocks * BLOCK;
}
size_t rt_gc_free_bytes(void) {
  return (rt_state->gc_nblocks - rt_state->gc_used_blocks) * BLOCK;
}

void rt_gc_walk(void (*cb)(void *p, size_t bytes, bool leaf, void *ctx), void *ctx) {
  for (size_t b = 0; b < rt_state->gc_nblocks; b++)
    if (atb_get(b) == HEAD) cb(block_addr(b), alloc_blocks(b) * BLOCK, leaf_get(b), ctx);
}

size_t rt_gc_find_refs(const void *target, void (*cb)(const void *holder, size_t offset, void *ctx),
                       void *ctx) {
  size_t tb = find_head((uintptr_t)target), n = 0;
  if (tb == (size_t)-1) return 0;
  for (size_t b = 0; b < rt_state->gc_nblocks; b++) {
    if (atb_get(b) != HEAD || leaf_get(b) || b == tb) continue;
    uintptr_t *w = (uintptr_t *)block_addr(b);
    size_t words = alloc_blocks(b) * BLOCK / sizeof(uintptr_t);
    for (size_t i = 0; i < words; i++)
      if (find_head(w[i]) == tb) {
        n++;
        if (cb) cb(w, i * sizeof(uintptr_t), ctx);
      }
  }
  const uintptr_t *st = (const uintptr_t *)rt_state;
  for (size_t i = 0; i < sizeof *rt_state / sizeof(uintptr_t); i++)
    if (find_head(st[i]) == tb) {
      n++;
      if (cb) cb(rt_state, i * sizeof(uintptr_t), ctx);
    }
  return n;
}

__attribute__((noinline)) void rt_gc_scrub_stack(void) {
  volatile char area[RT_STACK_SCRUB];
  for (size_t i = 0; i < sizeof area; i++)
    area[i] = 0;
}
