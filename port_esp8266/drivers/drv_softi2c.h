// SPDX-License-Identifier: MIT
// drv_softi2c.h: bit-banged I2C master on two open-drain pins
// (machine.SoftI2C; PROTOCOLS.md 9).
//
// Timing: one SCL period is cpu_hz / freq cycles, split 55:45 between low
// and high, which meets both speed grades of UM10204 with margin: at 400
// kHz 1.375 us low >= tLOW 1.3 and 1.125 us high >= tHIGH 0.6; at 100 kHz
// 5.5 us and 4.5 us against standard mode's 4.7 and 4.0. Every SCL edge
// is due at an absolute deadline on the cycle counter, so the clock runs
// at freq (within one turn of the wait loop), not at freq minus the GPIO
// overhead. START hold and STOP setup take one high phase; repeated-START
// setup and the bus-free time after a STOP take one low phase (tSU;STA
// and tBUF are 4.7 us in standard mode).
// SDA changes right after SCL falls, so data setup is nearly a low phase.
// After releasing SCL the master waits for it to go high (clock
// stretching) for up to timeout_us, then gives up with -ETIMEDOUT; a
// stretched clock restarts the schedule from the moment SCL rose.
//
// Errors are negative errno values: -ENODEV (address not acknowledged),
// -ETIMEDOUT (SCL held low too long), -EINVAL (bad arguments).
#ifndef DRV_SOFTI2C_H
#define DRV_SOFTI2C_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
  int scl, sda;
  uint32_t low, high; // SCL phases in cycles
  uint32_t timeout;   // stretch limit in cycles
  uint32_t next;      // cycle count the next timed step is due at
  bool held;          // a START was sent and no STOP yet
} drv_softi2c_t;

// Takes [scl]/[sda] as a bus at [freq_hz] with a stretch limit of
// [timeout_us] (machine.I2C defaults: 400000, 50000). Both lines are left
// released, and the first START comes a bus-free time (tBUF) later, so a
// new bus object right after another's STOP still meets tBUF. Returns 0,
// or -EINVAL for a bad pin or frequency.
int drv_softi2c_init(drv_softi2c_t *bus, int scl, int sda, uint32_t freq_hz, uint32_t timeout_us);

// START, or a repeated START when the bus is already held. 0 or an error.
int drv_softi2c_start(drv_softi2c_t *bus);
// STOP; the bus is released. 0 or -ETIMEDOUT.
int drv_softi2c_stop(drv_softi2c_t *bus);
// Sends [b]; returns 0 if acknowledged, 1 if not, or -ETIMEDOUT.
int drv_softi2c_write_byte(drv_softi2c_t *bus, uint8_t b);
// Receives a byte into [out], answering ACK if [ack] else NACK. 0 or an
// error.
int drv_softi2c_read_byte(drv_softi2c_t *bus, uint8_t *out, bool ack);

// Addresses [addr] for writing, sends [len] bytes until one is not
// acknowledged, and sends STOP if [stop]. Returns the number of bytes
// acknowledged, -ENODEV if the address was not, or -ETIMEDOUT.
int drv_softi2c_writeto(drv_softi2c_t *bus, uint8_t addr, const uint8_t *buf, size_t len, bool stop);
// Addresses [addr] for reading and reads [len] bytes (ACK on all but the
// last), then STOP if [stop]. A held bus gives a repeated START, so
// writeto(..., false) + readfrom is a register read. Returns 0 or an error.
int drv_softi2c_readfrom(drv_softi2c_t *bus, uint8_t addr, uint8_t *buf, size_t len, bool stop);

// Addresses 0x08..0x77 that acknowledge, in order, up to [max] into
// [found]. Returns how many, or -ETIMEDOUT.
int drv_softi2c_scan(drv_softi2c_t *bus, uint8_t *found, int max);

#endif
