// SPDX-License-Identifier: MIT
// drv_softi2c.c: I2C master (timing described in the header).
//
// Invariant between calls: SCL is low while the bus is held (after a START
// and every byte), and both lines are released when it is not. `next` is
// the deadline of the next SCL edge or timed SDA change.
#include "drv_softi2c.h"

#include <errno.h>

#include "drv_timing.h"

// A deadline further ahead than any phase is stale (the caller paused):
// restart the schedule from now.
static void sync(drv_softi2c_t *bus) {
  uint32_t now = board_cycles();
  if ((uint32_t)(bus->next - now) > bus->low + bus->high) bus->next = now;
}

static void sda(const drv_softi2c_t *bus, int level) {
  board_pin_write(bus->sda, level);
}

// SCL low at its deadline; the low phase starts.
static void scl_low(drv_softi2c_t *bus) {
  drv_wait_until(bus->next);
  board_pin_write(bus->scl, 0);
  bus->next += bus->low;
}

// Releases SCL at its deadline and waits for it to rise; the high phase
// starts when it does.
static int scl_high(drv_softi2c_t *bus) {
  drv_wait_until(bus->next);
  board_pin_write(bus->scl, 1);
  if (board_pin_read(bus->scl)) {
    bus->next += bus->high;
    return 0;
  }
  uint32_t start = board_cycles();
  while (!board_pin_read(bus->scl)) {
    if (board_cycles() - start > bus->timeout) {
      board_pin_write(bus->sda, 1);
      bus->held = false;
      return -ETIMEDOUT;
    }
  }
  bus->next = board_cycles() + bus->high;
  return 0;
}

// Waits out the rest of the high phase (the deadline of the next step).
static void hold_high(drv_softi2c_t *bus) {
  drv_wait_until(bus->next);
  bus->next += bus->high;
}

int drv_softi2c_init(drv_softi2c_t *bus, int scl, int sda_pin, uint32_t freq_hz, uint32_t timeout_us) {
  uint32_t hz = board_cpu_hz();
  if (freq_hz == 0 || freq_hz > hz / 10 || scl == sda_pin) return -EINVAL;
  uint32_t period = hz / freq_hz;
  bus->scl = scl;
  bus->sda = sda_pin;
  bus->low = period * 11 / 20;
  bus->high = period - bus->low;
  bus->timeout = timeout_us * (hz / 1000000u);
  bus->held = false;
  board_pin_write(scl, 1);
  board_pin_write(sda_pin, 1);
  if (board_pin_mode(scl, BOARD_PIN_OPEN_DRAIN_PULLUP) != 0 ||
      board_pin_mode(sda_pin, BOARD_PIN_OPEN_DRAIN_PULLUP) != 0)
    return -EINVAL;
  // The lines may have just been released (a STOP from an earlier bus
  // object on these pins): the first START waits out tBUF from here.
  bus->next = board_cycles() + bus->low;
  return 0;
}

int drv_softi2c_start(drv_softi2c_t *bus) {
  sync(bus);
  if (bus->held) {
    // Repeated START: SDA up during the low phase, SCL up, then as below.
    sda(bus, 1);
    int r = scl_high(bus);
    if (r) return r;
    bus->next += bus->low - bus->high; // tSU;STA: a low phase, not a high
  }
  // On an idle bus SCL is already high and the deadline is the end of
  // tBUF after the last STOP; after a repeated START's rise it is tSU;STA.
  drv_wait_until(bus->next);
  sda(bus, 0);
  bus->next = board_cycles() + bus->high; // tHD;STA
  scl_low(bus);
  bus->held = true;
  return 0;
}

int drv_softi2c_stop(drv_softi2c_t *bus) {
  sync(bus);
  sda(bus, 0);
  int r = scl_high(bus);
  if (r) return r;
  hold_high(bus); // tSU;STO
  sda(bus, 1);
  bus->next = board_cycles() + bus->low; // tBUF before the next START
  bus->held = false;
  return 0;
}

int drv_softi2c_write_byte(drv_softi2c_t *bus, uint8_t b) {
  sync(bus);
  for (int i = 7; i >= 0; i--) {
    sda(bus, (b >> i) & 1);
    int r = scl_high(bus);
    if (r) return r;
    scl_low(bus);
  }
  sda(bus, 1);
  int r = scl_high(bus);
  if (r) return r;
  int nack = board_pin_read(bus->sda);
  scl_low(bus);
  return nack;
}

int drv_softi2c_read_byte(drv_softi2c_t *bus, uint8_t *out, bool ack) {
  sync(bus);
  sda(bus, 1);
  uint8_t b = 0;
  for (int i = 0; i < 8; i++) {
    int r = scl_high(bus);
    if (r) return r;
    b = (uint8_t)(b << 1 | board_pin_read(bus->sda));
    scl_low(bus);
  }
  sda(bus, ack ? 0 : 1);
  int r = scl_high(bus);
  if (r) return r;
  scl_low(bus);
  *out = b;
  return 0;
}

int drv_softi2c_writeto(drv_softi2c_t *bus, uint8_t addr, const uint8_t *buf, size_t len, bool stop) {
  int r = drv_softi2c_start(bus);
  if (r) return r;
  r = drv_softi2c_write_byte(bus, (uint8_t)(addr << 1));
  if (r < 0) return r;
  if (r) {
    r = drv_softi2c_stop(bus);
    return r ? r : -ENODEV;
  }
  int acked = 0;
  for (size_t i = 0; i < len; i++) {
    r = drv_softi2c_write_byte(bus, buf[i]);
    if (r < 0) return r;
    if (r) break;
    acked++;
  }
  if (stop) {
    r = drv_softi2c_stop(bus);
    if (r) return r;
  }
  return acked;
}

int drv_softi2c_readfrom(drv_softi2c_t *bus, uint8_t addr, uint8_t *buf, size_t len, bool stop) {
  int r = drv_softi2c_start(bus);
  if (r) return r;
  r = drv_softi2c_write_byte(bus, (uint8_t)(addr << 1 | 1));
  if (r < 0) return r;
  if (r) {
    r = drv_softi2c_stop(bus);
    return r ? r : -ENODEV;
  }
  for (size_t i = 0; i < len; i++) {
    r = drv_softi2c_read_byte(bus, &buf[i], i + 1 < len);
    if (r) return r;
  }
  return stop ? drv_softi2c_stop(bus) : 0;
}

int drv_softi2c_scan(drv_softi2c_t *bus, uint8_t *found, int max) {
  int n = 0;
  for (int a = 0x08; a <= 0x77; a++) {
    int r = drv_softi2c_start(bus);
    if (r) return r;
    int ack = drv_softi2c_write_byte(bus, (uint8_t)(a << 1));
    if (ack < 0) return ack;
    r = drv_softi2c_stop(bus);
    if (r) return r;
    if (ack == 0 && n < max) found[n++] = (uint8_t)a;
  }
  return n;
}
