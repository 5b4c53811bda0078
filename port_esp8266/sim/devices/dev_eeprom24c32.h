// SPDX-License-Identifier: MIT
// dev_eeprom24c32.h: a 24C32-class I2C EEPROM (24LC32A / AT24C32E) decoded
// at pin level from SCL and SDA edges (PROTOCOLS.md 9).
//
// Memory: 4096 bytes, erased (0xFF) at power-up. Address 0x50 | A2A1A0.
// Writes: control(W), address high (upper 4 bits ignored), address low,
// then data into a 32-byte page buffer whose low 5 address bits wrap; the
// STOP programs the bytes received and starts a write cycle (5 ms unless
// set) during which the device does not acknowledge its address, so the
// master can ACK-poll. A repeated START instead of a STOP, or a
// transaction spoiled by a timing violation, writes nothing. With WP set,
// writes are acknowledged and ignored. Reads: current-address or random
// (dummy write + repeated START), sequential through the whole array with
// the address rolling over from 0xFFF to 0x000; a NACK ends the read.
//
// Timing: every START, STOP and clock is checked against the UM10204
// minimums of the chosen speed (fast mode by default, the 24LC32A's): tBUF
// before a START, tSU;STA before a repeated START, tHD;STA after a START,
// tLOW and tHIGH of SCL, tSU;DAT of each bit the master sends, tSU;STO
// before a STOP. A violation is counted, named in last_error, and makes
// the device ignore the rest of the transaction: it releases SDA and waits
// for the next START (so the master sees NACKs). The device's own SDA
// changes come output_delay after SCL falls (tAA; default 200 ns).
#ifndef DEV_EEPROM24C32_H
#define DEV_EEPROM24C32_H

#include <stdbool.h>
#include <stdint.h>

#include "sim_pins.h"

#define DEV_EEPROM24C32_SIZE 4096
#define DEV_EEPROM24C32_PAGE 32

typedef enum { DEV_I2C_STANDARD, DEV_I2C_FAST } dev_i2c_speed_t;

// The bus timings checked, in the order of the stats array.
typedef enum {
  DEV_I2C_T_BUF,    // STOP to START
  DEV_I2C_T_SU_STA, // SCL high to repeated START
  DEV_I2C_T_HD_STA, // START to SCL low
  DEV_I2C_T_LOW,    // SCL low
  DEV_I2C_T_HIGH,   // SCL high
  DEV_I2C_T_SU_DAT, // SDA settled to SCL high
  DEV_I2C_T_SU_STO, // SCL high to STOP
  DEV_I2C_T_COUNT
} dev_i2c_timing_t;

typedef struct {
  uint32_t starts, stops; // conditions seen on the bus
  uint32_t addressed;     // control bytes this device acknowledged
  uint32_t nacked_busy;   // control bytes refused during a write cycle
  uint32_t write_cycles;  // STOPs that started programming
  uint32_t bytes_read;    // bytes sent to the master
  uint32_t timing_errors; // all violations
  uint32_t violations[DEV_I2C_T_COUNT];
} dev_eeprom24c32_stats_t;

typedef struct dev_eeprom24c32 dev_eeprom24c32_t;

// Puts an EEPROM with address pins [a210] (0..7) on the bus [scl]/[sda];
// also puts the bus pull-ups on both lines. NULL on bad arguments.
dev_eeprom24c32_t *dev_eeprom24c32_new(sim_pins_t *pins, int scl, int sda, int a210);
void dev_eeprom24c32_free(dev_eeprom24c32_t *d);

// Its 7-bit bus address (0x50..0x57).
uint8_t dev_eeprom24c32_address(const dev_eeprom24c32_t *d);
// The array itself, DEV_EEPROM24C32_SIZE bytes, for tests to fill or read.
uint8_t *dev_eeprom24c32_memory(dev_eeprom24c32_t *d);

void dev_eeprom24c32_set_speed(dev_eeprom24c32_t *d, dev_i2c_speed_t speed);
void dev_eeprom24c32_set_write_protect(dev_eeprom24c32_t *d, bool wp);
void dev_eeprom24c32_set_write_time_ns(dev_eeprom24c32_t *d, uint64_t ns);
void dev_eeprom24c32_set_output_delay_ns(dev_eeprom24c32_t *d, uint32_t ns);

// True while a write cycle runs.
bool dev_eeprom24c32_busy(const dev_eeprom24c32_t *d);
const dev_eeprom24c32_stats_t *dev_eeprom24c32_stats(const dev_eeprom24c32_t *d);
// The last violation as text ("tHD;STA 250 ns < 600 ns"), "" if none.
const char *dev_eeprom24c32_last_error(const dev_eeprom24c32_t *d);
// Name of a timing, e.g. "tSU;DAT".
const char *dev_i2c_timing_name(dev_i2c_timing_t t);

#endif
