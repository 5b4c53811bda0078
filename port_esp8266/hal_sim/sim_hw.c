// SPDX-License-Identifier: MIT
// sim_hw.c: the virtual board's clock, pins and the board_hal.h calls
// around them (see sim_hw.h).
#include "sim_hw.h"
#include "board_hal.h"
#include "port_pwm.h"
#include "sim_hal.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

// Bytes of RTC user memory, as the chip's rtc_mem user area (512 bytes).
#define RTC_MEMORY_SIZE 512

static struct {
  sim_clock_t *clock;
  sim_pins_t *pins;
  uint32_t default_hz; // the module's CPU clock after a reset
  uint64_t host_start; // host monotonic ns when the hardware was made
  // The firmware's ticks: microseconds counted from cycles at the
  // frequency it believes, accumulated so that a frequency change never
  // makes them jump.
  uint64_t ticks_us;
  uint64_t ticks_cycle; // clock cycle the ticks were last brought to
  uint64_t ticks_rem;   // leftover cycles * 1e6 not yet a whole microsecond
  int32_t skew_ppm;
  uint8_t irq_edges[SIM_PIN_COUNT]; // armed BOARD_IRQ_* per pin
  uint32_t irq_pending;
  int adc;
  bool deepsleep_wake;
  uint8_t rtc_memory[RTC_MEMORY_SIZE];
  // The PWM generator's channels, one per pin (port_pwm.h): the period's
  // grid starts at [origin] (a cycle); [event] is the pending edge, 0 when
  // the level is steady or the channel stopped.
  struct pwm_gen {
    bool on;
    uint32_t period_us, high_us;
    uint64_t origin;
    uint32_t event;
  } pwm[SIM_PIN_COUNT];
} hw;

// The pins a module's board pulls up: the boot straps want GPIO0 and GPIO2
// high (and GPIO15 low) as the chip leaves reset to boot from flash
// (PROTOCOLS.md 3.9), so every module holds them there with resistors or
// the chip's weak pull-ups. GPIO15's pull-down needs nothing here: an
// undriven net reads 0 (sim_pins.h).
#define MODULE_PULLUPS (1u << 0 | 1u << 2)

static uint64_t host_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

// Every edge on a pin passes here: an armed edge sets the pin's pending
// bit, as the chip's GPIO_STATUS register latches it.
static void on_edge(void *ctx, int pin, int level, uint64_t cycle) {
  (void)ctx, (void)cycle;
  int want = level ? BOARD_IRQ_RISING : BOARD_IRQ_FALLING;
  if (hw.irq_edges[pin] & want) hw.irq_pending |= 1u << pin;
}

// ---- The PWM generator ----
//
// The chip's PWM is a timer interrupt toggling GPIOs; here each running
// channel keeps one event on the cycle clock, at its next edge. The clock
// fires events in time order wherever virtual time moves (a busy-wait, a
// pin read, a sleep caught up with the host), so every edge is made at
// its exact cycle, interleaved with the other pins' edges, and seen by
// listeners (the capture, pin interrupts, devices) at that cycle; anyone
// reading the net reads the level of now. Times are firmware microseconds
// (cycles at the believed frequency): a slow-clock fault slows the
// waveform as a slow crystal would. Masked interrupts do not hold an
// edge back, unlike on the chip (where the next edge waits for the mask).

static uint64_t pwm_cycles(uint32_t us) {
  return (uint64_t)us * sim_clock_cpu_hz(hw.clock) / 1000000u;
}

static void pwm_edge(void *ctx, uint64_t when, intptr_t pin);

// Puts [pin] at its level for cycle [now] and schedules its next edge.
static void pwm_step(int pin, uint64_t now) {
  struct pwm_gen *g = &hw.pwm[pin];
  uint64_t period = pwm_cycles(g->period_us), high = pwm_cycles(g->high_us);
  g->event = 0;
  if (period == 0) period = 1;
  if (high == 0 || high >= period) { // a steady level has no edges
    sim_pins_write(hw.pins, pin, high != 0);
    return;
  }
  uint64_t phase = (now - g->origin) % period;
  int level = phase < high;
  sim_pins_write(hw.pins, pin, level);
  g->event = sim_clock_schedule(hw.clock, now - phase + (level ? high : period), pwm_edge, &hw.pwm, pin);
}

static void pwm_edge(void *ctx, uint64_t when, intptr_t pin) {
  (void)ctx;
  pwm_step((int)pin, when);
}

static void pwm_cancel(int pin) {
  if (hw.pwm[pin].event) sim_clock_cancel(hw.clock, hw.pwm[pin].event);
  hw.pwm[pin].event = 0;
}

static void pwm_set(int pin, uint32_t period_us, uint32_t high_us, bool restart) {
  if (pin < 0 || pin >= SIM_PIN_COUNT) return;
  struct pwm_gen *g = &hw.pwm[pin];
  uint64_t now = sim_clock_now(hw.clock);
  pwm_cancel(pin);
  if (restart || !g->on) g->origin = now;
  g->on = true;
  g->period_us = period_us;
  g->high_us = high_us;
  pwm_step(pin, now);
}

static void pwm_stop(int pin) {
  if (pin < 0 || pin >= SIM_PIN_COUNT) return;
  pwm_cancel(pin);
  hw.pwm[pin].on = false;
}

static const port_pwm_generator_t pwm_generator = {pwm_set, pwm_stop};

// The CPU clock changes from [old_hz]: the PWM timer does not (the chip's
// runs from the 80 MHz APB clock), so each grid is moved to keep its phase
// in microseconds, and each next edge is scheduled again. A phase of an
// odd number of 160 MHz cycles has no exact 80 MHz cycle: the grid moves
// by half a cycle (6.25 ns) then, once.
static void pwm_retime(uint32_t old_hz) {
  uint64_t now = sim_clock_now(hw.clock);
  for (int pin = 0; pin < SIM_PIN_COUNT; pin++) {
    struct pwm_gen *g = &hw.pwm[pin];
    if (!g->on) continue;
    uint64_t period = (uint64_t)g->period_us * old_hz / 1000000u;
    uint64_t phase = period ? (now - g->origin) % period : 0;
    g->origin = now - (phase * sim_clock_cpu_hz(hw.clock) + old_hz / 2) / old_hz;
    pwm_cancel(pin);
    pwm_step(pin, now);
  }
}

int sim_hw_init(unsigned cpu_mhz) {
  hw.default_hz = cpu_mhz * 1000000u;
  hw.clock = sim_clock_new(hw.default_hz);
  hw.pins = hw.clock ? sim_pins_new(hw.clock) : NULL;
  if (!hw.pins) return -1;
  for (int pin = 0; pin < SIM_PIN_COUNT; pin++)
    if (sim_pins_listen(hw.pins, pin, on_edge, &hw) < 0) return -1;
  sim_hal_bind(hw.clock, hw.pins);
  port_pwm_use_generator(&pwm_generator);
  for (int pin = 0; pin < SIM_PIN_COUNT; pin++)
    if (MODULE_PULLUPS >> pin & 1) sim_pins_set_bus_pullup(hw.pins, pin, true);
  hw.host_start = host_ns();
  return 0;
}

sim_clock_t *sim_hw_clock(void) {
  return hw.clock;
}

sim_pins_t *sim_hw_pins(void) {
  return hw.pins;
}

void sim_hw_sync(void) {
  if (hw.clock) sim_clock_run_until_ns(hw.clock, host_ns() - hw.host_start);
}

// Brings the firmware's tick count up to the clock's present cycle.
static void advance_ticks(void) {
  uint64_t now = sim_clock_now(hw.clock);
  uint64_t scaled = (now - hw.ticks_cycle) * 1000000u + hw.ticks_rem;
  uint32_t hz = sim_clock_cpu_hz(hw.clock);
  hw.ticks_us += scaled / hz;
  hw.ticks_rem = scaled % hz;
  hw.ticks_cycle = now;
}

void sim_hw_reset(bool power_on) {
  if (!hw.clock) return;
  sim_hw_sync();
  for (int pin = 0; pin < SIM_PIN_COUNT; pin++) {
    pwm_stop(pin); // the timer stops with the chip
    if (pin >= 6 && pin <= 11) continue;
    sim_pins_mode(hw.pins, pin, SIM_PIN_INPUT, false);
    sim_pins_write(hw.pins, pin, 0);
  }
  memset(hw.irq_edges, 0, sizeof hw.irq_edges);
  hw.irq_pending = 0;
  sim_clock_irq_mask(hw.clock, false);
  advance_ticks();
  sim_clock_set_cpu_hz(hw.clock, hw.default_hz);
  hw.ticks_us = 0;
  hw.ticks_rem = 0;
  if (power_on) memset(hw.rtc_memory, 0, sizeof hw.rtc_memory);
}

uint64_t board_ticks_us(void) {
  if (!hw.clock) return (host_ns() - hw.host_start) / 1000;
  sim_hw_sync();
  advance_ticks();
  return hw.ticks_us;
}

int board_cpu_set_hz(uint32_t hz) {
  if (hz != 80000000u && hz != 160000000u) return -1;
  advance_ticks(); // the cycles so far count at the old frequency
  uint32_t old = sim_clock_cpu_hz(hw.clock);
  sim_clock_set_cpu_hz(hw.clock, hz);
  pwm_retime(old);
  return 0;
}

void sim_hw_set_skew_ppm(int32_t ppm) {
  sim_hw_sync(); // time so far passed at the old rate
  hw.skew_ppm = ppm;
  sim_clock_set_skew_ppm(hw.clock, ppm);
}

int32_t sim_hw_skew_ppm(void) {
  return hw.skew_ppm;
}

void board_pin_irq(int pin, int edges) {
  if (pin < 0 || pin >= SIM_PIN_COUNT) return;
  hw.irq_edges[pin] = (uint8_t)(edges & (BOARD_IRQ_RISING | BOARD_IRQ_FALLING));
  if (!edges) hw.irq_pending &= ~(1u << pin);
}

uint32_t board_pin_irq_take(void) {
  uint32_t pending = hw.irq_pending;
  hw.irq_pending = 0;
  return pending;
}

void sim_hw_set_adc(int value) {
  hw.adc = value < 0 ? 0 : value > 1024 ? 1024 : value;
}

int board_adc_read(void) {
  return hw.adc;
}

void sim_hw_set_deepsleep_wake(bool wired) {
  hw.deepsleep_wake = wired;
}

uint8_t *board_rtc_memory(size_t *len) {
  *len = sizeof hw.rtc_memory;
  return hw.rtc_memory;
}

void board_deepsleep(uint64_t us) {
  // Asleep, the chip hears nothing on its UART; only a reset (the control
  // socket, the RFC 2217 lines) or the RTC's wake pulse ends the sleep.
  // Its timers stop: no more PWM edges.
  for (int pin = 0; pin < SIM_PIN_COUNT; pin++)
    pwm_stop(pin);
  uint64_t end = board_ticks_us() + us;
  for (;;) {
    uint64_t now = board_ticks_us();
    if (us && hw.deepsleep_wake && now >= end) board_reset(BOARD_RESET_DEEPSLEEP);
    uint64_t left = us && hw.deepsleep_wake ? end - now : 1000000u;
    if (board_console_rx(left > 1000000u ? 1000000u : (uint32_t)left) == BOARD_RX_CLOSED) {
      // No console will ever come back: a host run ends here.
      if (!us || !hw.deepsleep_wake) exit(0);
      struct timespec pause = {0, 1000000};
      nanosleep(&pause, NULL);
    }
  }
}
