// SPDX-License-Identifier: MIT
// sim_pins.h: the virtual board's 17 GPIOs and the wires between them.
//
// Each pin has the firmware's side (mode, output latch, internal pull-up)
// and the outside world's side (devices pulling it low, an external bus
// pull-up resistor). Pins joined by a wire (sim_pins_connect) form one net;
// an unwired pin is a net of its own. A net's level is resolved as on real
// open-drain hardware, a wired-AND:
//
//   any driver low (push-pull 0, open-drain 0, a device pulling)  -> 0
//   else any push-pull 1                                            -> 1
//   else any pull-up (internal or external) on the net              -> 1
//   else floating                                                   -> 0
//
// A push-pull 1 fighting any low is a short circuit: the net reads 0 and
// the contention counter goes up. Edges are instantaneous (no rise time).
//
// Every change of a net's level is an edge: it is recorded, with its cycle
// stamp, in the history of every pin of the net, then handed to the
// listeners of those pins. Listeners run in edge order; an edge caused
// from inside a listener is delivered after the current one finishes.
#ifndef SIM_PINS_H
#define SIM_PINS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim_clock.h"

#define SIM_PIN_COUNT 17
// Listeners per pin, and the default edge history kept per pin.
#define SIM_PIN_MAX_LISTENERS 8
#define SIM_PIN_HISTORY 8192

// Firmware-side pin modes (the internal pull-up is separate).
typedef enum {
  SIM_PIN_INPUT,      // high impedance
  SIM_PIN_OUTPUT,     // push-pull
  SIM_PIN_OPEN_DRAIN, // pulls low for 0, releases for 1
} sim_pin_mode_t;

typedef struct sim_pins sim_pins_t;

// One recorded edge: the net went to [level] at [cycle].
typedef struct {
  uint64_t cycle;
  uint8_t level;
} sim_edge_t;

// Listener callback: [pin]'s net went to [level] at [cycle] (== now).
typedef void (*sim_edge_fn)(void *ctx, int pin, int level, uint64_t cycle);

// Makes the pins of a board timed by [clock] (borrowed; must outlive the
// pins). All pins start as inputs without pull-up, latch 0, unwired.
sim_pins_t *sim_pins_new(sim_clock_t *clock);
void sim_pins_free(sim_pins_t *p);
sim_clock_t *sim_pins_clock(const sim_pins_t *p);

// ---- The firmware's side (what a board_hal.h back-end calls) ----

// Sets [pin]'s mode and internal pull-up. Returns 0, or -1 for a bad pin.
int sim_pins_mode(sim_pins_t *p, int pin, sim_pin_mode_t mode, bool pullup);
// Sets [pin]'s output latch.
void sim_pins_write(sim_pins_t *p, int pin, int level);
// The resolved level of [pin]'s net now (0 or 1; 0 for a bad pin).
int sim_pins_read(const sim_pins_t *p, int pin);
// The firmware's current setting of [pin].
sim_pin_mode_t sim_pins_get_mode(const sim_pins_t *p, int pin);
int sim_pins_get_latch(const sim_pins_t *p, int pin);

// ---- The outside world's side (devices, wires, tests) ----

// Adds an edge listener on [pin]. Returns 0, or -1 if the pin is full.
int sim_pins_listen(sim_pins_t *p, int pin, sim_edge_fn fn, void *ctx);
// Removes every listener of [ctx] on every pin.
void sim_pins_unlisten(sim_pins_t *p, void *ctx);

// A device starts ([on] true) or stops pulling [pin] low. Pulls count, so
// two devices pulling keep the line low until both let go.
void sim_pins_pull_low(sim_pins_t *p, int pin, bool on);
// Pulls [pin] low over real time [from_ns, from_ns + len_ns), both given
// as absolute sim_clock_now_ns values; from_ns may be now. Returns 0, or
// -1 if the clock's event queue is full.
int sim_pins_pull_low_window(sim_pins_t *p, int pin, uint64_t from_ns, uint64_t len_ns);

// Puts an external pull-up resistor on [pin] (a bus's), or takes it off.
void sim_pins_set_bus_pullup(sim_pins_t *p, int pin, bool on);

// Wires [a] and [b] together: their nets become one. Returns 0 or -1.
int sim_pins_connect(sim_pins_t *p, int a, int b);

// Short circuits seen so far (a push-pull 1 against a low).
uint32_t sim_pins_contentions(const sim_pins_t *p);

// ---- Edge history ----

// Edges ever recorded on [pin] (including those the ring has dropped).
uint64_t sim_pins_edge_total(const sim_pins_t *p, int pin);
// Edges still held (at most the capacity), oldest first: index 0 is the
// oldest held. NULL when [i] is out of range.
size_t sim_pins_edge_count(const sim_pins_t *p, int pin);
const sim_edge_t *sim_pins_edge(const sim_pins_t *p, int pin, size_t i);
// Forgets [pin]'s history (the total too).
void sim_pins_clear_history(sim_pins_t *p, int pin);
// Sets how many edges each pin keeps (default SIM_PIN_HISTORY); clears
// every history. Returns 0 or -1 when out of memory.
int sim_pins_set_history(sim_pins_t *p, size_t edges);

#endif
