// SPDX-License-Identifier: MIT
// sim_pins.c: GPIO nets, wired-AND resolution, edge history and listeners.
//
// Invariants: net[i] is the lowest pin number of pin i's net; level[n] is
// the resolved level of net n as last computed (only meaningful for
// n == net[n]); every pin's ring holds its most recent min(total, cap)
// edges, oldest at (head - count) mod cap. Notifications queue in a FIFO
// so that listeners always see edges in the order they happened.
#include "sim_pins.h"

#include <stdlib.h>

typedef struct {
  sim_edge_fn fn;
  void *ctx;
} listener_t;

typedef struct {
  sim_pin_mode_t mode;
  bool pullup;     // internal pull-up
  bool bus_pullup; // external resistor
  int latch;
  int pulls; // devices pulling low now
  listener_t listeners[SIM_PIN_MAX_LISTENERS];
  int n_listeners;
  sim_edge_t *ring;
  size_t head, count;
  uint64_t total;
} pin_t;

// An edge waiting to be handed to the listeners of the pins in [mask].
typedef struct {
  uint32_t mask;
  int level;
  uint64_t cycle;
} note_t;

#define NOTE_QUEUE 256

struct sim_pins {
  sim_clock_t *clock;
  pin_t pins[SIM_PIN_COUNT];
  int net[SIM_PIN_COUNT];
  int level[SIM_PIN_COUNT];
  size_t cap;
  uint32_t contentions;
  note_t notes[NOTE_QUEUE];
  int note_head, note_count;
  bool dispatching;
};

static bool valid(int pin) {
  return pin >= 0 && pin < SIM_PIN_COUNT;
}

sim_pins_t *sim_pins_new(sim_clock_t *clock) {
  sim_pins_t *p = calloc(1, sizeof *p);
  if (!p) return NULL;
  p->clock = clock;
  for (int i = 0; i < SIM_PIN_COUNT; i++)
    p->net[i] = i;
  if (sim_pins_set_history(p, SIM_PIN_HISTORY) != 0) {
    free(p);
    return NULL;
  }
  return p;
}

void sim_pins_free(sim_pins_t *p) {
  if (!p) return;
  for (int i = 0; i < SIM_PIN_COUNT; i++)
    free(p->pins[i].ring);
  free(p);
}

sim_clock_t *sim_pins_clock(const sim_pins_t *p) {
  return p->clock;
}

int sim_pins_set_history(sim_pins_t *p, size_t edges) {
  if (edges == 0) edges = 1;
  for (int i = 0; i < SIM_PIN_COUNT; i++) {
    sim_edge_t *r = calloc(edges, sizeof *r);
    if (!r) return -1;
    free(p->pins[i].ring);
    p->pins[i].ring = r;
    p->pins[i].head = p->pins[i].count = 0;
    p->pins[i].total = 0;
  }
  p->cap = edges;
  return 0;
}

// Resolves net [n] from all its pins (the table in sim_pins.h).
static int resolve(sim_pins_t *p, int n, bool *contention) {
  bool low = false, high = false, weak = false;
  for (int i = 0; i < SIM_PIN_COUNT; i++) {
    if (p->net[i] != n) continue;
    const pin_t *q = &p->pins[i];
    if (q->pulls > 0) low = true;
    if (q->mode == SIM_PIN_OUTPUT && q->latch) high = true;
    if (q->mode == SIM_PIN_OUTPUT && !q->latch) low = true;
    if (q->mode == SIM_PIN_OPEN_DRAIN && !q->latch) low = true;
    if (q->pullup || q->bus_pullup) weak = true;
  }
  *contention = low && high;
  if (low) return 0;
  return high || weak;
}

static void record(pin_t *q, size_t cap, uint64_t cycle, int level) {
  q->ring[q->head] = (sim_edge_t){.cycle = cycle, .level = (uint8_t)level};
  q->head = (q->head + 1) % cap;
  if (q->count < cap) q->count++;
  q->total++;
}

// Hands queued edges to listeners until the queue is empty. Re-entered
// calls (a listener causing an edge) only queue; the outer loop delivers.
static void dispatch(sim_pins_t *p) {
  if (p->dispatching) return;
  p->dispatching = true;
  while (p->note_count > 0) {
    note_t e = p->notes[p->note_head];
    p->note_head = (p->note_head + 1) % NOTE_QUEUE;
    p->note_count--;
    for (int i = 0; i < SIM_PIN_COUNT; i++) {
      if (!(e.mask & (1u << i))) continue;
      // Copy: a listener may unlisten while we walk.
      listener_t ls[SIM_PIN_MAX_LISTENERS];
      int n = p->pins[i].n_listeners;
      for (int k = 0; k < n; k++)
        ls[k] = p->pins[i].listeners[k];
      for (int k = 0; k < n; k++)
        ls[k].fn(ls[k].ctx, i, e.level, e.cycle);
    }
  }
  p->dispatching = false;
}

// Records an edge to [level] on the pins in [mask] and delivers it.
static void edge(sim_pins_t *p, uint32_t mask, int level) {
  if (!mask) return;
  uint64_t now = sim_clock_now(p->clock);
  for (int i = 0; i < SIM_PIN_COUNT; i++)
    if (mask & (1u << i)) record(&p->pins[i], p->cap, now, level);
  if (p->note_count < NOTE_QUEUE) {
    p->notes[(p->note_head + p->note_count) % NOTE_QUEUE] =
        (note_t){.mask = mask, .level = level, .cycle = now};
    p->note_count++;
  }
  dispatch(p);
}

static uint32_t net_mask(const sim_pins_t *p, int n) {
  uint32_t m = 0;
  for (int i = 0; i < SIM_PIN_COUNT; i++)
    if (p->net[i] == n) m |= 1u << i;
  return m;
}

// Re-resolves net [n]; on a change records the edge and delivers it.
static void update(sim_pins_t *p, int n) {
  bool contention;
  int lv = resolve(p, n, &contention);
  if (contention) p->contentions++;
  if (lv == p->level[n]) return;
  p->level[n] = lv;
  edge(p, net_mask(p, n), lv);
}

int sim_pins_mode(sim_pins_t *p, int pin, sim_pin_mode_t mode, bool pullup) {
  if (!valid(pin) || mode > SIM_PIN_OPEN_DRAIN) return -1;
  p->pins[pin].mode = mode;
  p->pins[pin].pullup = pullup;
  update(p, p->net[pin]);
  return 0;
}

void sim_pins_write(sim_pins_t *p, int pin, int level) {
  if (!valid(pin)) return;
  p->pins[pin].latch = level ? 1 : 0;
  update(p, p->net[pin]);
}

int sim_pins_read(const sim_pins_t *p, int pin) {
  return valid(pin) ? p->level[p->net[pin]] : 0;
}

sim_pin_mode_t sim_pins_get_mode(const sim_pins_t *p, int pin) {
  return valid(pin) ? p->pins[pin].mode : SIM_PIN_INPUT;
}

int sim_pins_get_latch(const sim_pins_t *p, int pin) {
  return valid(pin) ? p->pins[pin].latch : 0;
}

int sim_pins_listen(sim_pins_t *p, int pin, sim_edge_fn fn, void *ctx) {
  if (!valid(pin) || !fn || p->pins[pin].n_listeners >= SIM_PIN_MAX_LISTENERS) return -1;
  pin_t *q = &p->pins[pin];
  q->listeners[q->n_listeners++] = (listener_t){.fn = fn, .ctx = ctx};
  return 0;
}

void sim_pins_unlisten(sim_pins_t *p, void *ctx) {
  for (int i = 0; i < SIM_PIN_COUNT; i++) {
    pin_t *q = &p->pins[i];
    int j = 0;
    for (int k = 0; k < q->n_listeners; k++)
      if (q->listeners[k].ctx != ctx) q->listeners[j++] = q->listeners[k];
    q->n_listeners = j;
  }
}

void sim_pins_pull_low(sim_pins_t *p, int pin, bool on) {
  if (!valid(pin)) return;
  pin_t *q = &p->pins[pin];
  if (on)
    q->pulls++;
  else if (q->pulls > 0)
    q->pulls--;
  update(p, p->net[pin]);
}

// Event callbacks of a pull window: arg is pin * 2 + on.
static void window_edge(void *ctx, uint64_t when, intptr_t arg) {
  (void)when;
  sim_pins_pull_low(ctx, (int)(arg >> 1), (arg & 1) != 0);
}

int sim_pins_pull_low_window(sim_pins_t *p, int pin, uint64_t from_ns, uint64_t len_ns) {
  if (!valid(pin)) return -1;
  uint64_t now = sim_clock_now(p->clock), now_ns = sim_clock_now_ns(p->clock);
  uint64_t start = now + (from_ns > now_ns ? sim_clock_cycles_for_ns(p->clock, from_ns - now_ns) : 0);
  uint64_t end = now + sim_clock_cycles_for_ns(p->clock, (from_ns > now_ns ? from_ns - now_ns : 0) + len_ns);
  if (end == start) return 0;
  uint32_t on = sim_clock_schedule(p->clock, start, window_edge, p, (intptr_t)pin * 2 + 1);
  if (!on) return -1;
  if (!sim_clock_schedule(p->clock, end, window_edge, p, (intptr_t)pin * 2)) {
    sim_clock_cancel(p->clock, on);
    return -1;
  }
  return 0;
}

void sim_pins_set_bus_pullup(sim_pins_t *p, int pin, bool on) {
  if (!valid(pin)) return;
  p->pins[pin].bus_pullup = on;
  update(p, p->net[pin]);
}

int sim_pins_connect(sim_pins_t *p, int a, int b) {
  if (!valid(a) || !valid(b)) return -1;
  int na = p->net[a], nb = p->net[b];
  if (na == nb) return 0;
  int keep = na < nb ? na : nb, gone = na < nb ? nb : na;
  uint32_t kept = net_mask(p, keep), moved = net_mask(p, gone);
  for (int i = 0; i < SIM_PIN_COUNT; i++)
    if (p->net[i] == gone) p->net[i] = keep;
  // Only the pins whose level changes with the join see an edge.
  bool contention;
  int lv = resolve(p, keep, &contention);
  if (contention) p->contentions++;
  uint32_t changed = (p->level[keep] != lv ? kept : 0) | (p->level[gone] != lv ? moved : 0);
  p->level[keep] = lv;
  edge(p, changed, lv);
  return 0;
}

uint32_t sim_pins_contentions(const sim_pins_t *p) {
  return p->contentions;
}

uint64_t sim_pins_edge_total(const sim_pins_t *p, int pin) {
  return valid(pin) ? p->pins[pin].total : 0;
}

size_t sim_pins_edge_count(const sim_pins_t *p, int pin) {
  return valid(pin) ? p->pins[pin].count : 0;
}

const sim_edge_t *sim_pins_edge(const sim_pins_t *p, int pin, size_t i) {
  if (!valid(pin) || i >= p->pins[pin].count) return NULL;
  const pin_t *q = &p->pins[pin];
  return &q->ring[(q->head + p->cap - q->count + i) % p->cap];
}

void sim_pins_clear_history(sim_pins_t *p, int pin) {
  if (!valid(pin)) return;
  p->pins[pin].head = p->pins[pin].count = 0;
  p->pins[pin].total = 0;
}
