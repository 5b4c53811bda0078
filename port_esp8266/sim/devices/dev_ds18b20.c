// SPDX-License-Identifier: MIT
// dev_ds18b20.c: DS18B20 on a 1-Wire pin (behaviour in the header).
//
// The protocol is a chain of states, each a run of slots the device either
// receives (write slots: sampled sample_ns after the falling edge) or
// sends (read slots: held low until hold_ns for a 0). Bits go LSB first
// through `buf`; when a run completes, finish() picks the next state.
//
//   IDLE --reset--> PRESENCE --> ROM_CMD --> READ_ROM / MATCH / SEARCH
//     --> FUNC_CMD --> TX (scratchpad, power) / RX (write scratchpad) /
//     POLL (busy bits of a conversion or copy) ... until the next reset.
//
// Edges inside PRESENCE are the devices' own presence pulses and are not
// slots. A slot is open from its falling edge until its sample (write) or
// hold end (read); a falling edge while one is open is a timing error.
#include "dev_ds18b20.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum {
  S_IDLE,
  S_PRESENCE,
  S_ROM_CMD,
  S_READ_ROM,
  S_MATCH_ROM,
  S_SEARCH,
  S_FUNC_CMD,
  S_TX,   // sending buf, then 1s
  S_RX,   // receiving the 3 bytes of WRITE SCRATCHPAD
  S_POLL, // read slots answer 1 once not busy
  S_ONES, // read slots answer 1
} state_t;

#define US 1000u

struct dev_ds18b20 {
  sim_pins_t *pins;
  sim_clock_t *clock;
  int pin;
  uint8_t rom[8];
  dev_ds18b20_timing_t t;
  // Registers: temperature, TH, TL, config; their EEPROM copies.
  uint16_t temp;
  uint8_t th, tl, cfg, ee_th, ee_tl, ee_cfg;
  int32_t set_mc;
  bool alarm;
  uint64_t conv_end, copy_end; // cycles; 0 = none pending
  // Protocol.
  state_t state;
  uint8_t buf[9];
  int nbits, pos;
  int search_step; // 0 bit, 1 complement, 2 master's choice
  bool selected_by_alarm;
  // Slot decoding (cycles).
  uint64_t last_fall, last_rise, slot_fall, reset_rise;
  bool slot_open, first_slot, pulling;
  bool check_low; // a write slot sampled 0 waits for its rising edge
  dev_ds18b20_stats_t stats;
  char last_error[80];
};

uint8_t dev_ds18b20_crc8(const uint8_t *buf, int len) {
  // Reflected form: shift right, fold in 0x8C when the dropped bit is set.
  uint8_t crc = 0;
  for (int i = 0; i < len; i++) {
    crc ^= buf[i];
    for (int k = 0; k < 8; k++)
      crc = (crc & 1) ? (uint8_t)((crc >> 1) ^ 0x8C) : (uint8_t)(crc >> 1);
  }
  return crc;
}

static void error(dev_ds18b20_t *d, const char *what, uint64_t cycles) {
  d->stats.timing_errors++;
  snprintf(d->last_error, sizeof d->last_error, "%s (%.1f us)", what,
           (double)sim_clock_ns(d->clock, cycles) / 1000.0);
}

static void pull(dev_ds18b20_t *d, bool on) {
  if (on == d->pulling) return;
  d->pulling = on;
  sim_pins_pull_low(d->pins, d->pin, on);
}

static int resolution_index(const dev_ds18b20_t *d) {
  return (d->cfg >> 5) & 3;
}

// Finishes a conversion or copy whose time has come.
static void settle(dev_ds18b20_t *d) {
  uint64_t now = sim_clock_now(d->clock);
  if (d->conv_end && now >= d->conv_end) {
    d->conv_end = 0;
    int32_t mc = d->set_mc;
    if (mc < -55000) mc = -55000;
    if (mc > 125000) mc = 125000;
    // Round to 1/16 C, half away from zero.
    int32_t raw = (mc >= 0 ? mc * 16 + 500 : mc * 16 - 500) / 1000;
    raw &= ~((1 << (3 - resolution_index(d))) - 1);
    d->temp = (uint16_t)raw;
    int whole = (int16_t)d->temp >> 4;
    d->alarm = whole >= (int8_t)d->th || whole <= (int8_t)d->tl;
  }
  if (d->copy_end && now >= d->copy_end) d->copy_end = 0;
}

static void fill_scratchpad(dev_ds18b20_t *d, uint8_t out[9]) {
  settle(d);
  out[0] = (uint8_t)d->temp;
  out[1] = (uint8_t)(d->temp >> 8);
  out[2] = d->th;
  out[3] = d->tl;
  out[4] = d->cfg;
  out[5] = 0xFF;
  out[6] = 0x0C;
  out[7] = 0x10;
  out[8] = dev_ds18b20_crc8(out, 8);
}

// Starts a run of [nbits] slots in [state]; TX runs send buf.
static void run(dev_ds18b20_t *d, state_t state, int nbits) {
  d->state = state;
  d->nbits = nbits;
  d->pos = 0;
  if (state == S_ROM_CMD || state == S_FUNC_CMD || state == S_MATCH_ROM || state == S_RX)
    memset(d->buf, 0, sizeof d->buf);
}

static void function_command(dev_ds18b20_t *d, uint8_t cmd) {
  uint64_t now = sim_clock_now(d->clock);
  d->stats.last_func_cmd = cmd;
  switch (cmd) {
  case 0x44:
    d->stats.conversions++;
    d->conv_end = now + sim_clock_cycles_for_ns(d->clock, 93750000ull << resolution_index(d));
    run(d, S_POLL, 0);
    break;
  case 0xBE:
    fill_scratchpad(d, d->buf);
    run(d, S_TX, 72);
    break;
  case 0x4E: run(d, S_RX, 24); break;
  case 0x48:
    d->ee_th = d->th;
    d->ee_tl = d->tl;
    d->ee_cfg = d->cfg;
    d->copy_end = now + sim_clock_cycles_for_ns(d->clock, 10000000);
    run(d, S_POLL, 0);
    break;
  case 0xB8:
    d->th = d->ee_th;
    d->tl = d->ee_tl;
    d->cfg = d->ee_cfg;
    run(d, S_POLL, 0);
    break;
  case 0xB4: run(d, S_ONES, 0); break;
  default: d->state = S_IDLE; break;
  }
}

static void rom_command(dev_ds18b20_t *d, uint8_t cmd) {
  d->stats.last_rom_cmd = cmd;
  switch (cmd) {
  case 0x33:
    memcpy(d->buf, d->rom, 8);
    run(d, S_READ_ROM, 64);
    break;
  case 0x55: run(d, S_MATCH_ROM, 64); break;
  case 0xCC: run(d, S_FUNC_CMD, 8); break;
  case 0xEC: // only an alarmed device takes part
    settle(d);
    if (!d->alarm) {
      d->state = S_IDLE;
      break;
    }
    run(d, S_SEARCH, 64);
    d->search_step = 0;
    break;
  case 0xF0:
    run(d, S_SEARCH, 64);
    d->search_step = 0;
    break;
  default: d->state = S_IDLE; break;
  }
}

// A run of slots completed.
static void finish(dev_ds18b20_t *d) {
  switch (d->state) {
  case S_ROM_CMD: rom_command(d, d->buf[0]); break;
  case S_READ_ROM: run(d, S_FUNC_CMD, 8); break;
  case S_MATCH_ROM:
    if (memcmp(d->buf, d->rom, 8) == 0)
      run(d, S_FUNC_CMD, 8);
    else
      d->state = S_IDLE;
    break;
  case S_SEARCH: run(d, S_FUNC_CMD, 8); break;
  case S_FUNC_CMD: function_command(d, d->buf[0]); break;
  case S_TX: run(d, S_ONES, 0); break;
  case S_RX:
    d->th = d->buf[0];
    d->tl = d->buf[1];
    d->cfg = (uint8_t)((d->buf[2] & 0x60) | 0x1F);
    d->state = S_IDLE;
    break;
  default: break;
  }
}

static bool rom_bit(const dev_ds18b20_t *d, int i) {
  return (d->rom[i / 8] >> (i % 8)) & 1;
}

// Whether the next slot is one the device sends in.
static bool sending(const dev_ds18b20_t *d) {
  switch (d->state) {
  case S_READ_ROM:
  case S_TX:
  case S_POLL:
  case S_ONES: return true;
  case S_SEARCH: return d->search_step < 2;
  default: return false;
  }
}

static int next_tx_bit(dev_ds18b20_t *d) {
  switch (d->state) {
  case S_READ_ROM:
  case S_TX: return (d->buf[d->pos / 8] >> (d->pos % 8)) & 1;
  case S_POLL: settle(d); return !(d->conv_end || d->copy_end);
  case S_SEARCH: return rom_bit(d, d->pos) ^ (d->search_step == 1);
  default: return 1;
  }
}

static void tx_done(dev_ds18b20_t *d) {
  d->stats.bits_out++;
  if (d->state == S_SEARCH) {
    d->search_step++;
    return;
  }
  if (d->state == S_READ_ROM || d->state == S_TX) {
    if (++d->pos == d->nbits) finish(d);
  }
}

static void rx_bit(dev_ds18b20_t *d, int bit) {
  d->stats.bits_in++;
  if (d->state == S_SEARCH) {
    // The master's choice: devices that disagree drop out.
    if (bit != rom_bit(d, d->pos)) {
      d->state = S_IDLE;
      return;
    }
    d->search_step = 0;
    if (++d->pos == 64) finish(d);
    return;
  }
  if (d->state != S_ROM_CMD && d->state != S_FUNC_CMD && d->state != S_MATCH_ROM && d->state != S_RX) return;
  if (bit) d->buf[d->pos / 8] |= (uint8_t)(1u << (d->pos % 8));
  if (++d->pos == d->nbits) finish(d);
}

static void slot_end(void *ctx, uint64_t when, intptr_t arg) {
  (void)when;
  dev_ds18b20_t *d = ctx;
  d->slot_open = false;
  if (arg < 0) { // a read slot we answered
    pull(d, false);
    tx_done(d);
    return;
  }
  int bit = sim_pins_read(d->pins, d->pin);
  if (bit && d->last_rise > d->slot_fall) {
    // A 1: the line is already up; its low must have been a short one.
    uint64_t low = d->last_rise - d->slot_fall;
    if (sim_clock_ns(d->clock, low) > 15 * US) error(d, "write-1 low > 15 us", low);
  }
  d->check_low = !bit; // a 0: its length is known at the rising edge
  rx_bit(d, bit);
}

static void presence(void *ctx, uint64_t when, intptr_t on) {
  (void)when;
  dev_ds18b20_t *d = ctx;
  pull(d, on != 0);
  if (on) {
    d->stats.presences++;
  } else {
    run(d, S_ROM_CMD, 8);
    d->first_slot = true;
  }
}

static void reset(dev_ds18b20_t *d, uint64_t now) {
  sim_clock_cancel_ctx(d->clock, d);
  pull(d, false);
  d->stats.resets++;
  d->state = S_PRESENCE;
  d->slot_open = d->check_low = false;
  d->reset_rise = now;
  uint64_t on = now + sim_clock_cycles_for_ns(d->clock, d->t.presence_wait_ns);
  uint64_t off = on + sim_clock_cycles_for_ns(d->clock, d->t.presence_len_ns);
  sim_clock_schedule(d->clock, on, presence, d, 1);
  sim_clock_schedule(d->clock, off, presence, d, 0);
}

static void on_fall(dev_ds18b20_t *d, uint64_t now) {
  uint64_t prev_slot = d->slot_fall;
  d->last_fall = now;
  if (d->state == S_IDLE || d->state == S_PRESENCE) return;
  if (d->slot_open) {
    error(d, "slot started before the last was sampled", now - d->slot_fall);
    return;
  }
  if (d->first_slot) {
    if (now - d->reset_rise < sim_clock_cycles_for_ns(d->clock, 480 * US))
      error(d, "tRSTH < 480 us", now - d->reset_rise);
  } else {
    if (now - prev_slot < sim_clock_cycles_for_ns(d->clock, 60 * US))
      error(d, "tSLOT < 60 us", now - prev_slot);
    if (now - d->last_rise < sim_clock_cycles_for_ns(d->clock, 1 * US))
      error(d, "tREC < 1 us", now - d->last_rise);
  }
  d->first_slot = false;
  d->slot_fall = now;
  d->slot_open = true;
  if (sending(d)) {
    bool zero = next_tx_bit(d) == 0;
    if (zero) pull(d, true);
    sim_clock_schedule(d->clock, now + sim_clock_cycles_for_ns(d->clock, d->t.hold_ns), slot_end, d, -1);
  } else {
    sim_clock_schedule(d->clock, now + sim_clock_cycles_for_ns(d->clock, d->t.sample_ns), slot_end, d, 1);
  }
}

static void on_rise(dev_ds18b20_t *d, uint64_t now) {
  uint64_t low = now - d->last_fall;
  uint64_t low_ns = sim_clock_ns(d->clock, low);
  d->last_rise = now;
  if (d->state == S_PRESENCE) return;
  if (low_ns >= d->t.reset_min_ns) {
    reset(d, now);
    return;
  }
  if (d->last_fall != d->slot_fall || d->state == S_IDLE) return; // not a slot of ours
  if (d->check_low) {
    d->check_low = false;
    if (low_ns < 60 * US || low_ns > 120 * US) error(d, "write-0 low outside 60-120 us", low);
  }
  if (low_ns > 120 * US) {
    // Too long for a slot, too short for a reset: the device gives up.
    error(d, "low neither slot nor reset", low);
    sim_clock_cancel_ctx(d->clock, d);
    pull(d, false);
    d->slot_open = false;
    d->state = S_IDLE;
  }
}

static void on_edge(void *ctx, int pin, int level, uint64_t cycle) {
  (void)pin;
  if (level)
    on_rise(ctx, cycle);
  else
    on_fall(ctx, cycle);
}

dev_ds18b20_t *dev_ds18b20_new(sim_pins_t *pins, int pin, const uint8_t serial[6]) {
  if (!pins || !serial) return NULL;
  dev_ds18b20_t *d = calloc(1, sizeof *d);
  if (!d) return NULL;
  d->pins = pins;
  d->clock = sim_pins_clock(pins);
  d->pin = pin;
  d->rom[0] = 0x28;
  memcpy(d->rom + 1, serial, 6);
  d->rom[7] = dev_ds18b20_crc8(d->rom, 7);
  d->t = (dev_ds18b20_timing_t){
      .reset_min_ns = 480 * US,
      .presence_wait_ns = 30 * US,
      .presence_len_ns = 120 * US,
      .sample_ns = 30 * US,
      .hold_ns = 30 * US,
  };
  d->temp = 0x0550;
  d->th = d->ee_th = 0x4B;
  d->tl = d->ee_tl = 0x46;
  d->cfg = d->ee_cfg = 0x7F;
  d->set_mc = 85000;
  if (sim_pins_listen(pins, pin, on_edge, d) != 0) {
    free(d);
    return NULL;
  }
  sim_pins_set_bus_pullup(pins, pin, true);
  return d;
}

void dev_ds18b20_free(dev_ds18b20_t *d) {
  if (!d) return;
  sim_clock_cancel_ctx(d->clock, d);
  sim_pins_unlisten(d->pins, d);
  pull(d, false);
  free(d);
}

const uint8_t *dev_ds18b20_rom(const dev_ds18b20_t *d) {
  return d->rom;
}
void dev_ds18b20_set_temp_mc(dev_ds18b20_t *d, int32_t milli_c) {
  d->set_mc = milli_c;
}
void dev_ds18b20_scratchpad(dev_ds18b20_t *d, uint8_t out[9]) {
  fill_scratchpad(d, out);
}
int dev_ds18b20_resolution(const dev_ds18b20_t *d) {
  return 9 + resolution_index(d);
}

bool dev_ds18b20_busy(dev_ds18b20_t *d) {
  settle(d);
  return d->conv_end || d->copy_end;
}

dev_ds18b20_timing_t dev_ds18b20_timing(const dev_ds18b20_t *d) {
  return d->t;
}
void dev_ds18b20_set_timing(dev_ds18b20_t *d, const dev_ds18b20_timing_t *t) {
  d->t = *t;
}
const dev_ds18b20_stats_t *dev_ds18b20_stats(const dev_ds18b20_t *d) {
  return &d->stats;
}
const char *dev_ds18b20_last_error(const dev_ds18b20_t *d) {
  return d->last_error;
}
