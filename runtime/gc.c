// SPDX-License-Identifier: MIT
// gc.c: mark-sweep over a fixed region with a 2-bit allocation table.
//
// Invariants: every block is FREE, HEAD or TAIL outside a collection; a
// TAIL follows a HEAD or a TAIL; rt_state->gc_hint is at or before the
// first FREE block; gc_rover is where the last allocation ended. During
// marking a reached HEAD becomes MARK; the sweep turns MARK back into HEAD
// and frees every unreached allocation (a block's leaf bit counts only
// while it is a HEAD). Long-lived allocation is next fit from the rover,
// temporaries (RT_GC_TEMP) last fit from the top; a full heap triggers
// one collection before MemoryError. No finalisers.
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

// Sets blocks [b, b + n) to kind [k] (FREE or TAIL): whole table bytes at
// once in the middle, since big allocations span many of them.
static void atb_fill(size_t b, size_t n, unsigned k) {
  size_t e = b + n;
  while (b < e && (b & 3))
    atb_set(b++, k);
  size_t whole = (e - b) / 4;
  if (whole) {
    memset(&rt_state->gc_atb[b >> 2], k == TAIL ? 0xAA : 0, whole);
    b += whole * 4;
  }
  while (b < e)
    atb_set(b++, k);
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
  size_t n = 1, total = rt_state->gc_nblocks;
  while (b + n < total && ((b + n) & 3) && atb_get(b + n) == TAIL)
    n++;
  // Aligned now (or at an end): whole bytes of four TAIL blocks at once.
  if (!((b + n) & 3))
    while (b + n + 4 <= total && rt_state->gc_atb[(b + n) >> 2] == 0xAA)
      n += 4;
  while (b + n < total && atb_get(b + n) == TAIL)
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

// One block of the sweep below.
static inline void sweep_block(size_t b, bool *in_free, size_t *used, size_t *hint) {
  switch (atb_get(b)) {
  case MARK:
    atb_set(b, HEAD);
    *in_free = false;
    ++*used;
    break;
  case HEAD:
    atb_set(b, FREE);
    *in_free = true;
    if (*hint == (size_t)-1) *hint = b;
    break;
  case TAIL:
    if (*in_free)
      atb_set(b, FREE);
    else
      ++*used;
    break;
  default:
    *in_free = false;
    if (*hint == (size_t)-1) *hint = b;
    break;
  }
}

// Frees every allocation whose HEAD was not marked and turns MARK back
// into HEAD; sets the used count and the first-free hint. A TAIL goes with
// the HEAD before it (in_free: that allocation died). The table is read a
// byte (four blocks) at a time: bytes that are all free, all TAIL, all
// surviving or all dying need no per-block work. Leaf bits of freed
// blocks are left as they are: only a HEAD's bit is ever read, and
// allocation sets it.
static void sweep(void) {
  size_t used = 0, hint = (size_t)-1, total = rt_state->gc_nblocks, nbytes = total / 4;
  uint8_t *atb = rt_state->gc_atb;
  bool in_free = false;
  for (size_t i = 0; i < nbytes; i++) {
    // 256 free blocks at once, then 32 free or TAIL blocks (the table
    // starts 8-byte aligned).
    if ((i & 63) == 0 && hint != (size_t)-1) {
      size_t from = i;
      while (i + 64 <= nbytes) {
        uint64_t w[8];
        memcpy(w, &atb[i], sizeof w);
        if (w[0] | w[1] | w[2] | w[3] | w[4] | w[5] | w[6] | w[7]) break;
        i += 64;
      }
      if (i >= nbytes) break;
      if (i != from) in_free = false; // a TAIL never follows a free block
    }
    if ((i & 7) == 0 && i + 8 <= nbytes) {
      uint64_t word;
      memcpy(&word, &atb[i], sizeof word);
      if (word == 0) {
        in_free = false;
        if (hint == (size_t)-1) hint = i * 4;
        i += 7;
        continue;
      }
      if (word == 0xAAAAAAAAAAAAAAAAu) {
        if (in_free)
          memset(&atb[i], 0, sizeof word);
        else
          used += 32;
        i += 7;
        continue;
      }
    }
    unsigned byte = atb[i], lo = byte & 0x55, hi = (byte >> 1) & 0x55;
    unsigned dead = lo & ~hi, marked = lo & hi, free = ~(lo | hi) & 0x55;
    bool first_tail = (byte & 3) == TAIL;
    if (byte == 0xAA) {
      if (in_free)
        atb[i] = 0;
      else
        used += 4;
    } else if (!dead && (!in_free || !first_tail)) {
      // Everything here survives: MARK (11) becomes HEAD (01).
      atb[i] = (uint8_t)(byte & ~(marked << 1));
      unsigned n = lo | hi; // one bit per used block, at even positions
      n = (n & 0x33) + ((n >> 2) & 0x33);
      used += (n & 0xf) + (n >> 4);
      in_free = false;
      if (free && hint == (size_t)-1) hint = i * 4 + (size_t)__builtin_ctz(free) / 2;
    } else if (!marked && (in_free || !first_tail)) {
      // Everything here dies (a TAIL never follows a FREE block, so
      // in_free may stay set after trailing free blocks).
      atb[i] = 0;
      in_free = in_free || dead;
      if (hint == (size_t)-1) hint = i * 4;
    } else {
      for (size_t b = i * 4; b < i * 4 + 4; b++)
        sweep_block(b, &in_free, &used, &hint);
    }
  }
  for (size_t b = nbytes * 4; b < total; b++)
    sweep_block(b, &in_free, &used, &hint);
  rt_state->gc_used_blocks = used;
  rt_state->gc_hint = hint == (size_t)-1 ? total : hint;
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
  sweep();
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
        // Then whole table words (32 blocks) while enough are needed.
        while ((b & 31) == 0 && b + 32 <= to && nb - run > 32) {
          uint64_t word;
          memcpy(&word, &rt_state->gc_atb[b >> 2], sizeof word);
          if (word) break;
          run += 32;
          b += 32;
        }
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

// True if blocks [b, b + n) (all inside the heap) are free: a table word
// (32 blocks) or byte (4) at a time where the run covers it whole.
static bool run_free(size_t b, size_t n) {
  const uint8_t *atb = rt_state->gc_atb;
  size_t e = b + n;
  while (b < e && (b & 3))
    if (atb_get(b++) != FREE) return false;
  for (; b + 4 <= e && (b & 31); b += 4)
    if (atb[b >> 2]) return false;
  for (; b + 32 <= e; b += 32) {
    uint64_t w;
    memcpy(&w, &atb[b >> 2], sizeof w);
    if (w) return false;
  }
  for (; b + 4 <= e; b += 4)
    if (atb[b >> 2]) return false;
  for (; b < e; b++)
    if (atb_get(b) != FREE) return false;
  return true;
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
  // Usually the blocks right at the rover are free (after a collection,
  // all of the heap above the live data): no search.
  if (rt_state->gc_rover + nb <= total && run_free(rt_state->gc_rover, nb))
    start = rt_state->gc_rover;
  else if (rt_state->gc_rover < total)
    start = find_run(rt_state->gc_rover, total, nb);
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
  atb_fill(start + 1, nb - 1, TAIL);
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
    atb_fill(b + 1, nb - 1, TAIL);
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
// general path (try_alloc), which it mirrors. The state's fields are read
// into locals once: every store into the (byte) tables could otherwise
// alias them and force the compiler to load them again.
static inline void *alloc_small(size_t nb, unsigned flags) {
  rt_state_t *st = rt_state;
  uint8_t *atb = st->gc_atb;
  size_t total = st->gc_nblocks, hint = st->gc_hint, since = st->gc_since;
  size_t b = total < NEXT_FIT_MIN_BLOCKS ? hint : st->gc_rover;
  if (b + nb > total) return NULL;
  unsigned byte = atb[b >> 2], sh = (b & 3) * 2;
  if ((byte >> sh) & 3) return NULL;
  if (nb == 2 && atb_get(b + 1) != FREE) return NULL;
  if (total >= NEXT_FIT_MIN_BLOCKS && since > total / 2 && !st->gc_wrapped) return NULL;
  if (nb == 2 && sh < 6) {
    atb[b >> 2] = (uint8_t)(byte | ((HEAD | (TAIL << 2)) << sh)); // both in one table byte
  } else {
    atb[b >> 2] = (uint8_t)(byte | (HEAD << sh));
    if (nb == 2) atb_set(b + 1, TAIL);
  }
  uint8_t *leaf = &st->gc_leaf[b >> 3], bit = (uint8_t)(1u << (b & 7));
  *leaf = (flags & RT_GC_LEAF) ? (uint8_t)(*leaf | bit) : (uint8_t)(*leaf & ~bit);
  st->gc_rover = b + nb;
  if (b == hint) {
    size_t h = b + nb;
    while (h < total && atb_get(h) != FREE)
      h++;
    st->gc_hint = h;
  }
  size_t used = st->gc_used_blocks + nb;
  st->gc_used_blocks = used;
  st->gc_since = since + nb;
  if (used > st->gc_peak_blocks) st->gc_peak_blocks = used;
  char *p = st->gc_pool + b * BLOCK;
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
  atb_fill(b, n, FREE);
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
    atb_fill(b + need, have - need, FREE);
    rt_state->gc_used_blocks -= have - need;
    if (have > need) hints_lower(b + need);
    return p;
  }
  // Grow in place when the following blocks are free.
  size_t extra = 0;
  while (b + have + extra < rt_state->gc_nblocks && extra < need - have && atb_get(b + have + extra) == FREE)
    extra++;
  if (extra == need - have) {
    atb_fill(b + have, need - have, TAIL);
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
