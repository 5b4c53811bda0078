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
#include "port_pwm.h"
#include "port_sched.h"
#include "runtime.h"
#include "webrepl_server.h"

// While WebREPL listens, waits for UART input are cut into slices this
// long so that its socket is served too.
#define WEBREPL_SLICE_US 10000

// Delays shorter than this busy-wait (hal_delay_us).
#define SHORT_DELAY_US 1000

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

static int ring_take(void) {
  int c = rx.buf[rx.tail % RX_RING_SIZE];
  rx.tail = (rx.tail + 1) % (2 * RX_RING_SIZE);
  return c;
}

int hal_console_read(void) {
  for (;;) {
    webrepl_poll(take_byte, RX_RING_SIZE - ring_count()); // WebREPL input joins the UART's in the ring
    if (ring_count() > 0) return ring_take();
    int c = board_console_rx(webrepl_running() ? WEBREPL_SLICE_US : BOARD_WAIT_FOREVER);
    if (c >= 0) return c;
    if (c == BOARD_RX_CLOSED) return -1;
  }
}

int hal_console_pending(void) {
  hal_poll(); // moves what arrived into the ring
  return (int)ring_count();
}

void hal_console_write(const char *buf, size_t len) {
  board_console_tx(buf, len);
  webrepl_write(buf, len); // output goes to both, as dupterm does
}

void hal_poll(void) {
  int c;
  while ((c = board_console_rx(0)) >= 0)
    take_byte(c);
  webrepl_poll(take_byte, RX_RING_SIZE - ring_count());
  port_sched_poll(); // pin interrupt handlers, timers, the watchdog
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
  if (us < SHORT_DELAY_US) {
    // Short waits spin on the cycle counter, as ets_delay_us does on the
    // chip: exact to the microsecond, which a wait for input is not (and
    // bit-banged protocols timed from Python need that).
    uint32_t start = board_cycles(), cycles = us * (board_cpu_hz() / 1000000u);
    while (board_cycles() - start < cycles) {
    }
    return;
  }
  uint64_t end = board_ticks_us() + us;
  for (;;) {
    uint64_t now = board_ticks_us();
    if (now >= end) return;
    // With the input gone for good (a host run), rx returns at once: the
    // loop then spins on the clock, which still makes the sleep last.
    uint64_t wait = end - now;
    // Software PWM edges fall due during a sleep too (port_pwm.h).
    port_pwm_service();
    uint64_t edge = port_pwm_next_edge_us();
    if (edge - now < wait) wait = edge - now;
    if (webrepl_running()) {
      webrepl_poll(take_byte, RX_RING_SIZE - ring_count());
      if (wait > WEBREPL_SLICE_US) wait = WEBREPL_SLICE_US;
    }
    int c = board_console_rx((uint32_t)wait);
    if (c >= 0) take_byte(c);
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
