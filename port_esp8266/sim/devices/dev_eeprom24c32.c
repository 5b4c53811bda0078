// SPDX-License-Identifier: MIT
// dev_eeprom24c32.c: 24C32 EEPROM decoded from bus edges (see the header).
//
// The decoder follows SCL: the master's bits are sampled on SCL rising;
// the device changes SDA only output_delay after SCL falls. SDA moving
// while SCL is high is a START (falling) or a STOP (rising). Edges the
// device causes itself are recognised by the `self` flag set around its
// own pin calls and never taken as conditions.
//
// Phases of a transaction:
//   IDLE    not addressed; waits for a START
//   IGNORE  spoiled by a timing violation; waits for a START
//   RX      receiving byte `role` (control, address high/low, data)
//   ACK     the 9th clock of a received byte; SDA held low if acked
//   TX      sending a data byte, bit by bit
//   TX_ACK  the master's acknowledge clock after a sent byte
#include "dev_eeprom24c32.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { P_IDLE, P_IGNORE, P_RX, P_ACK, P_TX, P_TX_ACK } phase_t;
typedef enum { R_CONTROL, R_ADDR_HI, R_ADDR_LO, R_DATA } role_t;

// Minimums in ns per speed, indexed by dev_i2c_timing_t.
static const uint32_t minimum[2][DEV_I2C_T_COUNT] = {
    [DEV_I2C_STANDARD] = {4700, 4700, 4000, 4700, 4000, 250, 4000},
    [DEV_I2C_FAST] = {1300, 600, 600, 1300, 600, 100, 600},
};

static const char *const timing_names[DEV_I2C_T_COUNT] = {
    "tBUF", "tSU;STA", "tHD;STA", "tLOW", "tHIGH", "tSU;DAT", "tSU;STO",
};

struct dev_eeprom24c32 {
  sim_pins_t *pins;
  sim_clock_t *clock;
  int scl, sda;
  uint8_t addr;
  dev_i2c_speed_t speed;
  bool wp;
  uint64_t t_wr_ns;
  uint32_t out_delay_ns;
  uint8_t mem[DEV_EEPROM24C32_SIZE];
  // Bus as last seen, and when things happened (cycles).
  int scl_lv, sda_lv;
  uint64_t scl_rise, scl_fall, sda_change, start_at, stop_at;
  bool seen_stop, first_fall; // first_fall: no SCL fall since the START
  bool in_transaction;        // between a START and a STOP
  // Decoder.
  phase_t phase;
  role_t role;
  int bits;
  uint8_t shift;
  bool reading, acking, master_ack;
  uint16_t ptr;
  // Page buffer of the write in progress.
  uint8_t page[DEV_EEPROM24C32_PAGE];
  uint32_t dirty; // bit i: page[i] was written
  uint16_t page_base;
  uint64_t busy_until; // cycle the write cycle ends
  // Output.
  bool pulling, self;
  dev_eeprom24c32_stats_t stats;
  char last_error[64];
};

const char *dev_i2c_timing_name(dev_i2c_timing_t t) {
  return t < DEV_I2C_T_COUNT ? timing_names[t] : "?";
}

// Drives SDA: 0 pulls it, 1 releases it. Marks the edge as our own.
static void drive(dev_eeprom24c32_t *d, int level) {
  bool pull = level == 0;
  if (pull == d->pulling) return;
  d->pulling = pull;
  d->self = true;
  sim_pins_pull_low(d->pins, d->sda, pull);
  d->self = false;
}

static void drive_event(void *ctx, uint64_t when, intptr_t arg) {
  (void)when;
  drive(ctx, (int)arg);
}

// Drives SDA to [level] output_delay after now (an SCL fall).
static void drive_later(dev_eeprom24c32_t *d, int level) {
  uint64_t at = sim_clock_now(d->clock) + sim_clock_cycles_for_ns(d->clock, d->out_delay_ns);
  sim_clock_schedule(d->clock, at, drive_event, d, level);
}

// Stops whatever the device was doing on the bus: SDA released now.
static void let_go(dev_eeprom24c32_t *d, phase_t next) {
  sim_clock_cancel_ctx(d->clock, d);
  drive(d, 1);
  d->phase = next;
  d->dirty = 0;
}

// Checks that [since] is at least the minimum of [t] before now; on a
// violation records it and spoils the transaction. Returns true if ok.
static bool check(dev_eeprom24c32_t *d, dev_i2c_timing_t t, uint64_t since, uint64_t now) {
  uint64_t ns = sim_clock_ns(d->clock, now - since);
  uint32_t min = minimum[d->speed][t];
  if (ns >= min) return true;
  d->stats.timing_errors++;
  d->stats.violations[t]++;
  snprintf(d->last_error, sizeof d->last_error, "%s %llu ns < %u ns", timing_names[t], (unsigned long long)ns,
           min);
  let_go(d, P_IGNORE);
  return false;
}

static bool decoding(const dev_eeprom24c32_t *d) {
  return d->phase != P_IDLE && d->phase != P_IGNORE;
}

// Loads the next byte to send and puts its MSB on SDA after the delay.
static void load_tx(dev_eeprom24c32_t *d) {
  d->shift = d->mem[d->ptr];
  d->ptr = (uint16_t)((d->ptr + 1) % DEV_EEPROM24C32_SIZE);
  d->bits = 0;
  d->phase = P_TX;
  d->stats.bytes_read++;
  drive_later(d, d->shift >> 7);
}

// A whole byte arrived (at the 8th SCL fall): decide the acknowledge.
static void byte_in(dev_eeprom24c32_t *d, uint64_t now) {
  uint8_t b = d->shift;
  d->acking = true;
  switch (d->role) {
  case R_CONTROL:
    if ((b >> 1) != d->addr) {
      d->acking = false;
    } else if (now < d->busy_until) {
      d->acking = false;
      d->stats.nacked_busy++;
    } else {
      d->reading = b & 1;
      d->stats.addressed++;
    }
    break;
  case R_ADDR_HI: d->ptr = (uint16_t)((b & 0x0F) << 8 | (d->ptr & 0xFF)); break;
  case R_ADDR_LO:
    d->ptr = (uint16_t)((d->ptr & 0xF00) | b);
    d->page_base = d->ptr & (uint16_t) ~(DEV_EEPROM24C32_PAGE - 1);
    d->dirty = 0;
    break;
  case R_DATA: {
    unsigned off = d->ptr % DEV_EEPROM24C32_PAGE;
    d->page[off] = b;
    d->dirty |= 1u << off;
    d->ptr = (uint16_t)(d->page_base | ((off + 1) % DEV_EEPROM24C32_PAGE));
    break;
  }
  }
  d->phase = P_ACK;
  if (d->acking) drive_later(d, 0);
}

// The SCL fall that ends the 9th clock of a received byte.
static void ack_done(dev_eeprom24c32_t *d) {
  if (!d->acking) {
    d->phase = P_IDLE;
    return;
  }
  if (d->role == R_CONTROL && d->reading) {
    load_tx(d); // the MSB replaces our ACK after the delay
    return;
  }
  drive_later(d, 1);
  if (d->role != R_DATA) d->role++;
  d->phase = P_RX;
  d->bits = 0;
}

static void on_scl(dev_eeprom24c32_t *d, int level, uint64_t now) {
  d->scl_lv = level;
  if (level) {
    if (decoding(d) && !d->first_fall && !check(d, DEV_I2C_T_LOW, d->scl_fall, now)) return;
    bool master_sends = d->phase == P_RX || d->phase == P_TX_ACK;
    if (decoding(d) && master_sends && !check(d, DEV_I2C_T_SU_DAT, d->sda_change, now)) return;
    d->scl_rise = now;
    if (d->phase == P_RX) {
      d->shift = (uint8_t)(d->shift << 1 | d->sda_lv);
      d->bits++;
    } else if (d->phase == P_TX_ACK) {
      d->master_ack = d->sda_lv == 0;
    }
    return;
  }
  if (decoding(d) && d->first_fall && !check(d, DEV_I2C_T_HD_STA, d->start_at, now)) return;
  if (decoding(d) && !check(d, DEV_I2C_T_HIGH, d->scl_rise, now)) return;
  d->scl_fall = now;
  d->first_fall = false;
  switch (d->phase) {
  case P_RX:
    if (d->bits == 8) byte_in(d, now);
    break;
  case P_ACK: ack_done(d); break;
  case P_TX:
    if (++d->bits == 8) {
      drive_later(d, 1); // the master acknowledges
      d->phase = P_TX_ACK;
    } else {
      drive_later(d, (d->shift >> (7 - d->bits)) & 1);
    }
    break;
  case P_TX_ACK:
    if (d->master_ack)
      load_tx(d);
    else
      d->phase = P_IDLE;
    break;
  default: break;
  }
}

// Programs the page buffer: the STOP of a write with data.
static void program(dev_eeprom24c32_t *d, uint64_t now) {
  if (!d->dirty) return;
  if (!d->wp) {
    for (unsigned i = 0; i < DEV_EEPROM24C32_PAGE; i++)
      if (d->dirty & (1u << i)) d->mem[d->page_base + i] = d->page[i];
  }
  d->dirty = 0;
  d->busy_until = now + sim_clock_cycles_for_ns(d->clock, d->t_wr_ns);
  d->stats.write_cycles++;
}

static void on_sda(dev_eeprom24c32_t *d, int level, uint64_t now) {
  d->sda_lv = level;
  d->sda_change = now;
  if (d->self || !d->scl_lv) return;
  if (!level) { // START or repeated START
    d->stats.starts++;
    bool repeated = d->in_transaction;
    d->in_transaction = true;
    let_go(d, P_IDLE); // a pending write is abandoned
    if (repeated ? !check(d, DEV_I2C_T_SU_STA, d->scl_rise, now)
                 : d->seen_stop && !check(d, DEV_I2C_T_BUF, d->stop_at, now))
      return;
    d->start_at = now;
    d->first_fall = true;
    d->phase = P_RX;
    d->role = R_CONTROL;
    d->bits = 0;
    d->reading = false;
    return;
  }
  // STOP
  d->stats.stops++;
  d->in_transaction = false;
  d->seen_stop = true;
  d->stop_at = now;
  bool ok = !decoding(d) || check(d, DEV_I2C_T_SU_STO, d->scl_rise, now);
  if (ok && decoding(d) && !d->reading) program(d, now);
  let_go(d, P_IDLE);
}

static void on_edge(void *ctx, int pin, int level, uint64_t cycle) {
  dev_eeprom24c32_t *d = ctx;
  if (pin == d->scl)
    on_scl(d, level, cycle);
  else
    on_sda(d, level, cycle);
}

dev_eeprom24c32_t *dev_eeprom24c32_new(sim_pins_t *pins, int scl, int sda, int a210) {
  if (!pins || scl == sda || a210 < 0 || a210 > 7) return NULL;
  dev_eeprom24c32_t *d = calloc(1, sizeof *d);
  if (!d) return NULL;
  d->pins = pins;
  d->clock = sim_pins_clock(pins);
  d->scl = scl;
  d->sda = sda;
  d->addr = (uint8_t)(0x50 | a210);
  d->speed = DEV_I2C_FAST;
  d->t_wr_ns = 5000000;
  d->out_delay_ns = 200;
  memset(d->mem, 0xFF, sizeof d->mem);
  // Pull-ups first: the lines coming up at power-on are no STOP.
  sim_pins_set_bus_pullup(pins, scl, true);
  sim_pins_set_bus_pullup(pins, sda, true);
  if (sim_pins_listen(pins, scl, on_edge, d) != 0 || sim_pins_listen(pins, sda, on_edge, d) != 0) {
    dev_eeprom24c32_free(d);
    return NULL;
  }
  d->scl_lv = sim_pins_read(pins, scl);
  d->sda_lv = sim_pins_read(pins, sda);
  return d;
}

void dev_eeprom24c32_free(dev_eeprom24c32_t *d) {
  if (!d) return;
  sim_clock_cancel_ctx(d->clock, d);
  sim_pins_unlisten(d->pins, d);
  if (d->pulling) sim_pins_pull_low(d->pins, d->sda, false);
  free(d);
}

uint8_t dev_eeprom24c32_address(const dev_eeprom24c32_t *d) {
  return d->addr;
}
uint8_t *dev_eeprom24c32_memory(dev_eeprom24c32_t *d) {
  return d->mem;
}
void dev_eeprom24c32_set_speed(dev_eeprom24c32_t *d, dev_i2c_speed_t speed) {
  d->speed = speed;
}
void dev_eeprom24c32_set_write_protect(dev_eeprom24c32_t *d, bool wp) {
  d->wp = wp;
}
void dev_eeprom24c32_set_write_time_ns(dev_eeprom24c32_t *d, uint64_t ns) {
  d->t_wr_ns = ns;
}
void dev_eeprom24c32_set_output_delay_ns(dev_eeprom24c32_t *d, uint32_t ns) {
  d->out_delay_ns = ns;
}
bool dev_eeprom24c32_busy(const dev_eeprom24c32_t *d) {
  return sim_clock_now(d->clock) < d->busy_until;
}
const dev_eeprom24c32_stats_t *dev_eeprom24c32_stats(const dev_eeprom24c32_t *d) {
  return &d->stats;
}
const char *dev_eeprom24c32_last_error(const dev_eeprom24c32_t *d) {
  return d->last_error;
}
