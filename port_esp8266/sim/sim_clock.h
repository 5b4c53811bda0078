// SPDX-License-Identifier: MIT
// sim_clock.h: the virtual board's cycle clock and its event queue.
//
// The timing model, in full:
//
// * Virtual time is a 64-bit count of CPU cycles since the clock was made
//   ("now"). Nothing reads the host's wall clock, so a run is exactly
//   reproducible: the same calls give the same edges at the same cycles.
// * Time moves only in two ways: a back-end charges the fixed cost of each
//   board HAL call it performs (sim_clock_spend with one of the SIM_OP_*
//   costs below, as the chip spends cycles on an `rsr ccount` or a GPIO
//   register store), and a host caller advances it explicitly
//   (sim_clock_advance, sim_clock_run_until: sleeps, idle time, tests).
//   A busy-wait on the cycle counter therefore makes progress by the cost
//   of one counter read per turn, as on the chip.
// * CCOUNT is the low 32 bits of now plus a settable offset, so a test can
//   start just below the 2^32 wrap.
// * The firmware believes the CPU runs at cpu_hz (80 or 160 MHz). How long
//   a cycle really lasts is cpu_hz stretched by a skew in parts per
//   million: skew +100000 (the "slow clock" fault) makes every cycle last
//   10 % longer than the firmware thinks, so all its timing is 10 % long.
//   Devices measure durations in nanoseconds of this real time
//   (sim_clock_ns); the firmware only ever sees cycles.
// * Devices schedule callbacks at future cycles (the end of a presence
//   pulse, a sample point). Advancing fires every due event in time order,
//   ties in the order they were scheduled, with now set to the event's
//   cycle while it runs. A HAL call's cost is spent, and its events fired,
//   before the call acts: a pin write of cost 6 issued at cycle 100 makes
//   its edge at cycle 106.
// * Interrupt load (a fault): every period cycles, while interrupts are
//   not masked, an interrupt handler steals cost cycles from the firmware.
//   Drivers that mask interrupts around critical timing are immune.
#ifndef SIM_CLOCK_H
#define SIM_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

typedef struct sim_clock sim_clock_t;

// Callback of a scheduled event; now == [when] while it runs.
typedef void (*sim_event_fn)(void *ctx, uint64_t when, intptr_t arg);

// The HAL operations a back-end charges, with their default costs in
// cycles (chosen to be close to the lx106 running from IRAM: a CCOUNT read
// in a compare-and-branch loop, a store to a GPIO register over the bus).
typedef enum {
  SIM_OP_CYCLES,    // board_cycles: 4
  SIM_OP_PIN_WRITE, // board_pin_write: 6
  SIM_OP_PIN_READ,  // board_pin_read: 6
  SIM_OP_PIN_MODE,  // board_pin_mode: 20
  SIM_OP_IRQ,       // board_irq_disable / board_irq_restore: 2
  SIM_OP_COUNT
} sim_op_t;

// The most events that may be pending at once.
#define SIM_CLOCK_MAX_EVENTS 256

// Makes a clock at [cpu_hz] (any positive value; the chip has 80 or 160
// MHz) with now = 0, no skew, default costs. NULL when out of memory.
sim_clock_t *sim_clock_new(uint32_t cpu_hz);
void sim_clock_free(sim_clock_t *c);

// The frequency the firmware believes in. Changing it (machine.freq) keeps
// now and rescales only the duration of later cycles.
uint32_t sim_clock_cpu_hz(const sim_clock_t *c);
void sim_clock_set_cpu_hz(sim_clock_t *c, uint32_t cpu_hz);

// Real length of a cycle = nominal * (1 + [ppm] / 1e6); ppm > -1e6.
void sim_clock_set_skew_ppm(sim_clock_t *c, int32_t ppm);

// Sets the cost of [op] in cycles (0 is allowed: free operations).
void sim_clock_set_cost(sim_clock_t *c, sim_op_t op, uint32_t cycles);
uint32_t sim_clock_cost(const sim_clock_t *c, sim_op_t op);

// Cycles since the clock was made.
uint64_t sim_clock_now(const sim_clock_t *c);

// CCOUNT now: low 32 bits of now + [offset] (set below; default 0).
uint32_t sim_clock_ccount(const sim_clock_t *c);
void sim_clock_set_ccount_offset(sim_clock_t *c, uint32_t offset);

// Real nanoseconds that [cycles] cycles last (rounded to nearest), and
// the fewest whole cycles that last at least [ns].
uint64_t sim_clock_ns(const sim_clock_t *c, uint64_t cycles);
uint64_t sim_clock_cycles_for_ns(const sim_clock_t *c, uint64_t ns);

// Real nanoseconds since the clock was made.
uint64_t sim_clock_now_ns(const sim_clock_t *c);

// Moves now forward by [cycles], firing due events on the way.
void sim_clock_advance(sim_clock_t *c, uint64_t cycles);

// Moves now forward to [cycle] (nothing if it is not in the future).
void sim_clock_run_until(sim_clock_t *c, uint64_t cycle);

// Moves now forward by at least [ns] real nanoseconds.
void sim_clock_advance_ns(sim_clock_t *c, uint64_t ns);

// Moves now forward to the first cycle at or after real time [ns] (as
// sim_clock_now_ns counts it); nothing if that is not in the future. For a
// back-end that keeps virtual time from falling behind another clock.
void sim_clock_run_until_ns(sim_clock_t *c, uint64_t ns);

// Charges the cost of [op], plus any interrupt load due: what a back-end
// calls at the start of each board HAL call.
void sim_clock_spend(sim_clock_t *c, sim_op_t op);

// Interrupt masking as the firmware sets it; the load below skips masked
// stretches. Returns the previous mask.
bool sim_clock_irq_mask(sim_clock_t *c, bool masked);
bool sim_clock_irq_masked(const sim_clock_t *c);

// Interrupt-load fault: every [period] cycles an unmasked firmware loses
// [cost] cycles. period 0 turns it off.
void sim_clock_set_irq_load(sim_clock_t *c, uint64_t period, uint32_t cost);

// Schedules [fn]([ctx], when, [arg]) at cycle [when] (now if in the
// past). Returns an id > 0, or 0 if the queue is full.
uint32_t sim_clock_schedule(sim_clock_t *c, uint64_t when, sim_event_fn fn, void *ctx, intptr_t arg);

// Drops a pending event by id (unknown ids are ignored), or every pending
// event of [ctx] (a device being detached).
void sim_clock_cancel(sim_clock_t *c, uint32_t id);
void sim_clock_cancel_ctx(sim_clock_t *c, void *ctx);

// Pending events, and the cycle of the earliest (UINT64_MAX when none).
int sim_clock_pending(const sim_clock_t *c);
uint64_t sim_clock_next_event(const sim_clock_t *c);

#endif
