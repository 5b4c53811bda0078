// SPDX-License-Identifier: MIT
// drv_softuart.c: transmit-only UART (timing in the header).
#include "drv_softuart.h"

#include <errno.h>

#include "drv_timing.h"

int drv_softuart_init(int pin, uint32_t baud) {
  if (baud == 0 || baud > board_cpu_hz() / 20) return -EINVAL;
  board_pin_write(pin, 1);
  return board_pin_mode(pin, BOARD_PIN_OUTPUT) == 0 ? 0 : -EINVAL;
}

void drv_softuart_write(int pin, uint32_t baud, const uint8_t *buf, size_t len) {
  uint64_t hz = board_cpu_hz();
  // Every bit of the whole write is due at start + n bit times, so bytes
  // follow each other back to back, as a UART's FIFO sends them.
  uint32_t start = board_cycles();
  uint64_t n = 0;
  for (size_t i = 0; i < len; i++) {
    // Start bit, data LSB first, stop bit: ten levels.
    uint32_t frame = (uint32_t)buf[i] << 1 | 1u << 9;
    uint32_t mask = board_irq_disable();
    for (int bit = 0; bit < 10; bit++, n++) {
      drv_wait_until(start + (uint32_t)(n * hz / baud));
      board_pin_write(pin, frame >> bit & 1);
    }
    board_irq_restore(mask);
  }
  drv_wait_until(start + (uint32_t)(n * hz / baud)); // the last stop bit's time
}
