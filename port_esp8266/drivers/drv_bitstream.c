// SPDX-License-Identifier: MIT
// drv_bitstream.c: the timed bit stream (schedule described in the header).
#include "drv_bitstream.h"

#include "drv_timing.h"

// Lead time before the first edge: covers the set-up between reading the
// counter and the first deadline so that bit 0 is timed like the rest.
#define LEAD_CYCLES 32

void drv_bitstream_cycles(const uint32_t ns[4], uint32_t hz, uint32_t cycles[4]) {
  for (int i = 0; i < 4; i++)
    cycles[i] = drv_ns_to_cycles(ns[i], hz);
}

void drv_bitstream_high_low(int pin, uint32_t t0h, uint32_t t0l, uint32_t t1h, uint32_t t1l,
                            const uint8_t *buf, size_t len) {
  board_pin_mode(pin, BOARD_PIN_OUTPUT);
  board_pin_write(pin, 0);
  uint32_t irq = board_irq_disable();
  uint32_t t = board_cycles() + LEAD_CYCLES;
  for (size_t i = 0; i < len; i++) {
    uint8_t b = buf[i];
    for (int k = 0; k < 8; k++, b = (uint8_t)(b << 1)) {
      bool one = b & 0x80;
      uint32_t high = one ? t1h : t0h, period = one ? t1h + t1l : t0h + t0l;
      drv_wait_until(t);
      board_pin_write(pin, 1);
      drv_wait_until(t + high);
      board_pin_write(pin, 0);
      t += period;
    }
  }
  drv_wait_until(t);
  board_irq_restore(irq);
}

void drv_bitstream_ns(int pin, const uint32_t timing_ns[4], const uint8_t *buf, size_t len) {
  uint32_t c[4];
  drv_bitstream_cycles(timing_ns, board_cpu_hz(), c);
  drv_bitstream_high_low(pin, c[0], c[1], c[2], c[3], buf, len);
}
