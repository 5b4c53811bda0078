// SPDX-License-Identifier: MIT
// sim_hw.c: the virtual board's clock, pins and the board_hal.h calls
// around them (see sim_hw.h).
#include "sim_hw.h"
#include "board_hal.h"
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
} hw;

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

int sim_hw_init(unsigned cpu_mhz) {
  hw.default_hz = cpu_mhz * 1000000u;
  hw.clock = sim_clock_new(hw.default_hz);
  hw.pins = hw.clock ? sim_pins_new(hw.clock) : NULL;
  if (!hw.pins) return -1;
  for (int pin = 0; pin < SIM_PIN_COUNT; pin++)
    if (sim_pins_listen(hw.pins, pin, on_edge, &hw) < 0) return -1;
  sim_hal_bind(hw.clock, hw.pins);
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
  sim_clock_set_cpu_hz(hw.clock, hz);
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
