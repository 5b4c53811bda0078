// SPDX-License-Identifier: MIT
// port_console.c: the runtime's console, interrupt and time HAL (runtime/hal.h)
// built on a back-end's board_hal.h.
//
// Bytes that arrive while code runs are moved into a receive ring by
// hal_poll(). The interrupt character never enters the ring: it becomes a
// KeyboardInterrupt. When the ring is full further bytes are dropped, as the
// chip's UART FIFO drops them, but the interrupt character is still seen.
#include "board_hal.h"
#include "hal.h"
#include "runtime.h"

// MicroPython's stdin buffer on the ESP8266 is 256 bytes; raw-paste flow
// control is sized to it, so a well-behaved host never overruns it.
#define RX_RING_SIZE 256

static struct {
  unsigned char buf[RX_RING_SIZE];
  unsigned head, tail; // head: next write, tail: next read; empty when equal
  int interrupt_char;  // -1: none
} rx = {.interrupt_char = -1};

static unsigned ring_count(void) {
  return (rx.head - rx.tail) % (2 * RX_RING_SIZE);
}

// Files one received byte: an interrupt, a buffered byte, or a dropped one.
static void take_byte(int c) {
  if (c == rx.interrupt_char) {
    rt_keyboard_interrupt();
    return;
  }
  if (ring_count() == RX_RING_SIZE) return;
  rx.buf[rx.head % RX_RING_SIZE] = (unsigned char)c;
  rx.head = (rx.head + 1) % (2 * RX_RING_SIZE);
}

int hal_console_read(void) {
  if (ring_count() > 0) {
    int c = rx.buf[rx.tail % RX_RING_SIZE];
    rx.tail = (rx.tail + 1) % (2 * RX_RING_SIZE);
    return c;
  }
  int c = board_console_rx(BOARD_WAIT_FOREVER);
  return c >= 0 ? c : -1;
}

void hal_console_write(const char *buf, size_t len) {
  board_console_tx(buf, len);
}

void hal_poll(void) {
  int c;
  while ((c = board_console_rx(0)) >= 0)
    take_byte(c);
}

void hal_set_interrupt_char(int c) {
  rx.interrupt_char = c;
}

uint32_t hal_ticks_ms(void) {
  return (uint32_t)(board_ticks_us() / 1000);
}

uint64_t hal_ticks_us(void) {
  return board_ticks_us();
}

// Sleeps by waiting for console input, so a Ctrl-C ends the wait at once
// instead of after the sleep.
void hal_delay_us(uint32_t us) {
  uint64_t end = board_ticks_us() + us;
  for (;;) {
    uint64_t now = board_ticks_us();
    if (now >= end) return;
    int c = board_console_rx((uint32_t)(end - now));
    if (c >= 0)
      take_byte(c);
    else if (c == BOARD_RX_CLOSED)
      return;
  }
}

const char *hal_board_name(void) {
  return board_name();
}

void hal_reset(void) {
  board_reset(BOARD_RESET_SOFT);
}

void hal_fatal(const char *msg) {
  static const char head[] = "\r\nFATAL: ";
  board_console_tx(head, sizeof head - 1);
  size_t n = 0;
  while (msg[n])
    n++;
  board_console_tx(msg, n);
  board_console_tx("\r\n", 2);
  board_reset(BOARD_RESET_EXCEPTION);
}
