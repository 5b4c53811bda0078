// SPDX-License-Identifier: MIT
// sim_clock.c: the virtual cycle clock (model described in sim_clock.h).
//
// Invariants: events[0..n_events) is sorted by when, ties in scheduling
// order; every pending
// event has when >= now except while it is being fired; now never
// decreases. Conversions use 128-bit products so no cycle count of a
// realistic run (2^64 cycles is 7000 years at 80 MHz) can overflow them.
#include "sim_clock.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  uint64_t when;
  uint32_t id;
  sim_event_fn fn;
  void *ctx;
  intptr_t arg;
} event_t;

struct sim_clock {
  uint64_t now;
  uint32_t cpu_hz;
  int32_t skew_ppm;
  uint32_t ccount_offset;
  // Real time at the last frequency change, so now_ns stays continuous.
  uint64_t base_cycle, base_ns;
  uint32_t cost[SIM_OP_COUNT];
  bool irq_masked;
  uint64_t irq_period, irq_next;
  uint32_t irq_cost;
  event_t events[SIM_CLOCK_MAX_EVENTS];
  int n_events;
  uint32_t next_id;
};

static const uint32_t default_cost[SIM_OP_COUNT] = {
    [SIM_OP_CYCLES] = 4,    [SIM_OP_PIN_WRITE] = 6, [SIM_OP_PIN_READ] = 6,
    [SIM_OP_PIN_MODE] = 20, [SIM_OP_IRQ] = 2,
};

sim_clock_t *sim_clock_new(uint32_t cpu_hz) {
  if (cpu_hz == 0) return NULL;
  sim_clock_t *c = calloc(1, sizeof *c);
  if (!c) return NULL;
  c->cpu_hz = cpu_hz;
  memcpy(c->cost, default_cost, sizeof c->cost);
  c->next_id = 1;
  return c;
}

void sim_clock_free(sim_clock_t *c) {
  free(c);
}

uint32_t sim_clock_cpu_hz(const sim_clock_t *c) {
  return c->cpu_hz;
}

void sim_clock_set_cpu_hz(sim_clock_t *c, uint32_t cpu_hz) {
  if (cpu_hz == 0) return;
  c->base_ns = sim_clock_now_ns(c);
  c->base_cycle = c->now;
  c->cpu_hz = cpu_hz;
}

void sim_clock_set_skew_ppm(sim_clock_t *c, int32_t ppm) {
  if (ppm <= -1000000) return;
  c->base_ns = sim_clock_now_ns(c);
  c->base_cycle = c->now;
  c->skew_ppm = ppm;
}

void sim_clock_set_cost(sim_clock_t *c, sim_op_t op, uint32_t cycles) {
  if (op < SIM_OP_COUNT) c->cost[op] = cycles;
}

uint32_t sim_clock_cost(const sim_clock_t *c, sim_op_t op) {
  return op < SIM_OP_COUNT ? c->cost[op] : 0;
}

uint64_t sim_clock_now(const sim_clock_t *c) {
  return c->now;
}

uint32_t sim_clock_ccount(const sim_clock_t *c) {
  return (uint32_t)c->now + c->ccount_offset;
}

void sim_clock_set_ccount_offset(sim_clock_t *c, uint32_t offset) {
  c->ccount_offset = offset;
}

// A cycle lasts 1e9 * (1e6 + skew) / (cpu_hz * 1e6) ns: num / den.
static unsigned __int128 ns_num(const sim_clock_t *c) {
  return (unsigned __int128)1000000000u * (uint64_t)(1000000 + (int64_t)c->skew_ppm);
}
static unsigned __int128 ns_den(const sim_clock_t *c) {
  return (unsigned __int128)c->cpu_hz * 1000000u;
}

uint64_t sim_clock_ns(const sim_clock_t *c, uint64_t cycles) {
  unsigned __int128 den = ns_den(c);
  return (uint64_t)(((unsigned __int128)cycles * ns_num(c) + den / 2) / den);
}

uint64_t sim_clock_cycles_for_ns(const sim_clock_t *c, uint64_t ns) {
  unsigned __int128 num = ns_num(c);
  return (uint64_t)(((unsigned __int128)ns * ns_den(c) + num - 1) / num);
}

uint64_t sim_clock_now_ns(const sim_clock_t *c) {
  return c->base_ns + sim_clock_ns(c, c->now - c->base_cycle);
}

// Fires, in order, every event due at or before [until], then sets now.
void sim_clock_run_until(sim_clock_t *c, uint64_t until) {
  if (until < c->now) return;
  while (c->n_events > 0 && c->events[0].when <= until) {
    event_t e = c->events[0];
    memmove(&c->events[0], &c->events[1], (size_t)(c->n_events - 1) * sizeof(event_t));
    c->n_events--;
    if (e.when > c->now) c->now = e.when;
    e.fn(e.ctx, c->now, e.arg);
  }
  c->now = until;
}

void sim_clock_advance(sim_clock_t *c, uint64_t cycles) {
  sim_clock_run_until(c, c->now + cycles);
}

void sim_clock_advance_ns(sim_clock_t *c, uint64_t ns) {
  sim_clock_advance(c, sim_clock_cycles_for_ns(c, ns));
}

void sim_clock_run_until_ns(sim_clock_t *c, uint64_t ns) {
  uint64_t now_ns = sim_clock_now_ns(c);
  if (ns > now_ns) sim_clock_advance(c, sim_clock_cycles_for_ns(c, ns - now_ns));
}

void sim_clock_spend(sim_clock_t *c, sim_op_t op) {
  sim_clock_advance(c, sim_clock_cost(c, op));
  if (c->irq_period == 0 || c->irq_masked) return;
  // Unmasked: a handler that fell due runs now, once, as a pending timer
  // interrupt does after a masked stretch; the next is one period later.
  if (c->now >= c->irq_next) {
    sim_clock_advance(c, c->irq_cost);
    c->irq_next = c->now + c->irq_period;
  }
}

bool sim_clock_irq_mask(sim_clock_t *c, bool masked) {
  bool was = c->irq_masked;
  c->irq_masked = masked;
  return was;
}

bool sim_clock_irq_masked(const sim_clock_t *c) {
  return c->irq_masked;
}

void sim_clock_set_irq_load(sim_clock_t *c, uint64_t period, uint32_t cost) {
  c->irq_period = period;
  c->irq_cost = cost;
  c->irq_next = c->now + period;
}

uint32_t sim_clock_schedule(sim_clock_t *c, uint64_t when, sim_event_fn fn, void *ctx, intptr_t arg) {
  if (c->n_events >= SIM_CLOCK_MAX_EVENTS || !fn) return 0;
  if (when < c->now) when = c->now;
  // Insert after every event due at the same cycle or earlier.
  int i = c->n_events;
  while (i > 0 && c->events[i - 1].when > when)
    i--;
  memmove(&c->events[i + 1], &c->events[i], (size_t)(c->n_events - i) * sizeof(event_t));
  uint32_t id = c->next_id++;
  if (c->next_id == 0) c->next_id = 1;
  c->events[i] = (event_t){.when = when, .id = id, .fn = fn, .ctx = ctx, .arg = arg};
  c->n_events++;
  return id;
}

void sim_clock_cancel(sim_clock_t *c, uint32_t id) {
  for (int i = 0; i < c->n_events; i++) {
    if (c->events[i].id == id) {
      memmove(&c->events[i], &c->events[i + 1], (size_t)(c->n_events - i - 1) * sizeof(event_t));
      c->n_events--;
      return;
    }
  }
}

void sim_clock_cancel_ctx(sim_clock_t *c, void *ctx) {
  int j = 0;
  for (int i = 0; i < c->n_events; i++)
    if (c->events[i].ctx != ctx) c->events[j++] = c->events[i];
  c->n_events = j;
}

int sim_clock_pending(const sim_clock_t *c) {
  return c->n_events;
}

uint64_t sim_clock_next_event(const sim_clock_t *c) {
  return c->n_events ? c->events[0].when : UINT64_MAX;
}
