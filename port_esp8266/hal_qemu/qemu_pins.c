// SPDX-License-Identifier: MIT
// qemu_pins.c: board_hal.h's "Pins and cycle counter" section on QEMU.
//
// The sim machine has no GPIO block, so the pins are a plain memory
// model: each pin's mode and output latch, and the level its pad would
// read with nothing wired to it (a driven output reads its latch, an open
// drain reads 0 when it pulls and its pull-up otherwise, an input reads
// its pull-up or 0 when floating). Pin interrupts see the edges the
// firmware itself makes, as an output pin's own edges raise the chip's
// GPIO interrupt.
//
// The cycle counter: CCOUNT counts the 80 MHz base clock (hal_qemu.c); at
// 160 MHz the CPU's counter runs twice as fast, so board_cycles scales the
// base cycles by the chosen frequency, from the moment it was chosen.
#include "board_hal.h"
#include "hal_qemu.h"

#define BASE_HZ 80000000u

// Zeroed at every boot (.bss), which is what a reset does to the chip's
// GPIO block: every pin an input without pull-up, interrupts off, the CPU
// back at 80 MHz.
static struct {
  uint8_t mode[BOARD_PIN_COUNT];
  uint8_t latch[BOARD_PIN_COUNT];
  uint8_t irq_edges[BOARD_PIN_COUNT];
  uint32_t irq_pending;
  uint32_t hz;          // 0 until set: BASE_HZ
  uint64_t since_base;  // base cycles when hz was chosen
  uint64_t since_cycle; // CPU cycles then
} pins;

static uint32_t cpu_hz(void) {
  return pins.hz ? pins.hz : BASE_HZ;
}

static uint64_t cpu_cycles(void) {
  uint64_t base = hal_qemu_cycles();
  return pins.since_cycle + (base - pins.since_base) * (cpu_hz() / BASE_HZ);
}

uint32_t board_cycles(void) {
  return (uint32_t)cpu_cycles();
}

uint32_t board_cpu_hz(void) {
  return cpu_hz();
}

int board_cpu_set_hz(uint32_t hz) {
  if (hz != 80000000u && hz != 160000000u) return -1;
  pins.since_cycle = cpu_cycles();
  pins.since_base = hal_qemu_cycles();
  pins.hz = hz;
  return 0;
}

static int valid(int pin) {
  return pin >= 0 && pin < BOARD_PIN_COUNT && !(pin >= 6 && pin <= 11);
}

static int level(int pin) {
  switch (pins.mode[pin]) {
  case BOARD_PIN_OUTPUT: return pins.latch[pin];
  case BOARD_PIN_OPEN_DRAIN: return 0; // released, nothing pulls it up
  case BOARD_PIN_OPEN_DRAIN_PULLUP: return pins.latch[pin];
  case BOARD_PIN_INPUT_PULLUP: return 1;
  default: return 0; // a floating input
  }
}

// Applies [change] to [pin]'s state and latches an armed edge it makes.
static void update(int pin, int is_mode, int value) {
  int before = level(pin);
  if (is_mode)
    pins.mode[pin] = (uint8_t)value;
  else
    pins.latch[pin] = (uint8_t)(value != 0);
  int after = level(pin);
  if (before == after) return;
  int edge = after ? BOARD_IRQ_RISING : BOARD_IRQ_FALLING;
  if (pins.irq_edges[pin] & edge) pins.irq_pending |= 1u << pin;
}

int board_pin_mode(int pin, int mode) {
  if (!valid(pin) || mode < BOARD_PIN_INPUT || mode > BOARD_PIN_OPEN_DRAIN_PULLUP) return -1;
  update(pin, 1, mode);
  return 0;
}

void board_pin_write(int pin, int value) {
  if (valid(pin)) update(pin, 0, value);
}

int board_pin_read(int pin) {
  return valid(pin) ? level(pin) : 0;
}

void board_pin_irq(int pin, int edges) {
  if (!valid(pin)) return;
  pins.irq_edges[pin] = (uint8_t)(edges & (BOARD_IRQ_RISING | BOARD_IRQ_FALLING));
  if (!edges) pins.irq_pending &= ~(1u << pin);
}

uint32_t board_pin_irq_take(void) {
  uint32_t pending = pins.irq_pending;
  pins.irq_pending = 0;
  return pending;
}

// The lx106's own masking: raise PS.INTLEVEL to 15 and hand back the old
// PS. The image runs with every level masked anyway (start.S), so this is
// the chip's instruction sequence with nothing left to mask.
uint32_t board_irq_disable(void) {
  uint32_t ps;
  __asm__ volatile("rsil %0, 15" : "=r"(ps)::"memory");
  return ps;
}

void board_irq_restore(uint32_t state) {
  __asm__ volatile("wsr %0, ps\n\trsync" ::"r"(state) : "memory");
}
