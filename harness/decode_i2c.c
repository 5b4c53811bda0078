// SPDX-License-Identifier: MIT
// decode_i2c.c: I2C transactions and clock timing (see decode_i2c.h).
#include "decode_i2c.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void i2c_decode_free(i2c_decode_t *d) {
  free(d->t);
  series_free(&d->periods);
  series_free(&d->lows);
  series_free(&d->highs);
  memset(d, 0, sizeof *d);
}

// Opens a transaction at [t_ns]; NULL when out of memory.
static i2c_transaction_t *open_transaction(i2c_decode_t *d, int64_t t_ns) {
  i2c_transaction_t *t = realloc(d->t, (d->count + 1) * sizeof *t);
  if (!t) return NULL;
  d->t = t;
  i2c_transaction_t *x = &d->t[d->count++];
  memset(x, 0, sizeof *x);
  x->t_ns = t_ns;
  x->addr = -1;
  return x;
}

rig_status_t i2c_decode(const capture_t *cap, int scl, int sda, i2c_decode_t *d) {
  memset(d, 0, sizeof *d);
  const capture_channel_t *cs = &cap->channels[scl], *cd = &cap->channels[sda];
  size_t is = 0, id = 0;
  int scl_lv = cs->initial, sda_lv = cd->initial;
  i2c_transaction_t *cur = NULL;
  int bits = 0, value = 0;
  int64_t last_rise = -1, last_fall = -1;
  while (is < cs->count || id < cd->count) {
    // The next edge in time; SCL first on a tie.
    int take_scl = id >= cd->count || (is < cs->count && cs->edges[is].t_ns <= cd->edges[id].t_ns);
    const capture_edge_t *e = take_scl ? &cs->edges[is++] : &cd->edges[id++];
    if (!take_scl) {
      sda_lv = e->level;
      if (!scl_lv) continue; // data changing while the clock is low: normal
      // One clock before a STOP or repeated START is its set-up, not a bit.
      if (cur && bits > 1) d->partial_bytes++;
      if (cur && !sda_lv) cur->stopped = 0;
      if (!sda_lv) { // START (or repeated START)
        cur = open_transaction(d, e->t_ns);
        if (!cur) return RIG_E_NOMEM;
      } else if (cur) { // STOP
        cur->stopped = 1;
        cur = NULL;
      }
      bits = value = 0;
      last_rise = last_fall = -1;
      continue;
    }
    scl_lv = e->level;
    if (!cur) continue;
    if (scl_lv) {
      if (last_rise >= 0 && series_add(&d->periods, (double)(e->t_ns - last_rise)) != RIG_OK)
        return RIG_E_NOMEM;
      if (last_fall >= 0 && series_add(&d->lows, (double)(e->t_ns - last_fall)) != RIG_OK) return RIG_E_NOMEM;
      last_rise = e->t_ns;
      if (bits < 8) {
        value = value << 1 | sda_lv;
        bits++;
        continue;
      }
      // The ninth bit: the acknowledge of the byte just read.
      int ack = !sda_lv;
      if (cur->addr < 0) {
        cur->addr = value >> 1;
        cur->read = value & 1;
        cur->addr_ack = ack;
      } else {
        if (cur->ndata < I2C_MAX_BYTES) {
          cur->data[cur->ndata] = (uint8_t)value;
          cur->ack[cur->ndata] = (uint8_t)ack;
        }
        cur->ndata++;
      }
      bits = value = 0;
    } else {
      if (last_rise >= 0 && series_add(&d->highs, (double)(e->t_ns - last_rise)) != RIG_OK)
        return RIG_E_NOMEM;
      last_fall = e->t_ns;
    }
  }
  return RIG_OK;
}

size_t i2c_acked_addresses(const i2c_decode_t *d, int *out, size_t cap) {
  int seen[128] = {0};
  for (size_t i = 0; i < d->count; i++)
    if (d->t[i].addr >= 0 && d->t[i].addr_ack) seen[d->t[i].addr] = 1;
  size_t n = 0;
  for (int a = 0; a < 128; a++)
    if (seen[a]) {
      if (n < cap) out[n] = a;
      n++;
    }
  return n;
}

static void list_text(const int *v, size_t n, char *out, size_t cap) {
  size_t used = 0;
  out[0] = '\0';
  for (size_t i = 0; i < n && used < cap; i++) {
    int k = snprintf(out + used, cap - used, "%s0x%02X", i ? " " : "", v[i]);
    if (k > 0) used += (size_t)k;
  }
  if (!n) snprintf(out, cap, "nothing");
}

static int has(const int *v, size_t n, int x) {
  for (size_t i = 0; i < n; i++)
    if (v[i] == x) return 1;
  return 0;
}

void i2c_check_scan(const i2c_decode_t *d, const int *want, size_t nwant, const int *board, size_t nboard,
                    analysis_t *a) {
  int acked[128];
  size_t n = i2c_acked_addresses(d, acked, 128);
  for (size_t i = 0; i < n; i++)
    if (!has(want, nwant, acked[i]))
      analysis_problem(a, "I2C scan: 0x%02X answered on the bus but is not in the wiring map", acked[i]);
  for (size_t i = 0; i < nwant; i++)
    if (!has(acked, n, want[i]))
      analysis_problem(a, "I2C scan: 0x%02X is in the wiring map but did not answer on the bus", want[i]);
  char got[512], map[512];
  list_text(want, nwant, map, sizeof map);
  if (board) {
    int same = nboard == nwant;
    for (size_t i = 0; same && i < nboard; i++)
      same = has(want, nwant, board[i]);
    list_text(board, nboard, got, sizeof got);
    if (!same) analysis_problem(a, "I2C scan: the board found %s, the wiring map has %s", got, map);
  }
  list_text(acked, n, got, sizeof got);
  analysis_note(a, "scan: %s acknowledged on the bus; the wiring map has %s", got, map);
}

void i2c_transaction_text(const i2c_transaction_t *t, int repeated, char *out, size_t cap) {
  size_t used = 0;
#define PUT(...)                                                                                             \
  do {                                                                                                       \
    int k = snprintf(out + used, used < cap ? cap - used : 0, __VA_ARGS__);                                  \
    if (k > 0) used += (size_t)k;                                                                            \
  } while (0)
  PUT("%s", repeated ? "Sr" : "S");
  if (t->addr >= 0)
    PUT(" %02X%c%c", t->addr, t->read ? 'R' : 'W', t->addr_ack ? '+' : '-');
  else
    PUT(" (no address)");
  size_t shown = t->ndata < I2C_MAX_BYTES ? t->ndata : I2C_MAX_BYTES;
  for (size_t i = 0; i < shown && i < 12; i++)
    PUT(" %02X%c", t->data[i], t->ack[i] ? '+' : '-');
  if (t->ndata > 12) PUT(" ... (%zu bytes)", t->ndata);
  if (t->stopped) PUT(" P");
#undef PUT
  if (used >= cap && cap) out[cap - 1] = '\0';
}

void i2c_check_timing(const i2c_decode_t *d, double requested_hz, double max_error_pct, analysis_t *a) {
  // UM10204 minimums (PROTOCOLS.md 9.1): standard mode up to 100 kHz.
  int standard = requested_hz > 0 && requested_hz <= 100000;
  figure_t *hz = analysis_figure(a, "scl_hz", "Hz", -INFINITY, INFINITY);
  figure_t *low = analysis_figure(a, "tLOW", "ns", standard ? 4700 : 1300, INFINITY);
  figure_t *high = analysis_figure(a, "tHIGH", "ns", standard ? 4000 : 600, INFINITY);
  for (size_t i = 0; i < d->periods.n; i++)
    if (d->periods.v[i] > 0) figure_add(hz, 1e9 / d->periods.v[i]);
  for (size_t i = 0; i < d->lows.n; i++)
    figure_add(low, d->lows.v[i]);
  for (size_t i = 0; i < d->highs.n; i++)
    figure_add(high, d->highs.v[i]);
  if (requested_hz > 0 && hz->n) {
    figure_t *err = analysis_figure(a, "scl_error_pct", "%", -INFINITY, max_error_pct);
    figure_add(err, 100.0 * (hz->mean > requested_hz ? hz->mean - requested_hz : requested_hz - hz->mean) /
                        requested_hz);
    analysis_note(a, "SCL %.0f Hz mean (%.0f..%.0f) for %.0f Hz requested (%s mode)", hz->mean, hz->min,
                  hz->max, requested_hz, standard ? "standard" : "fast");
  }
  analysis_note(a, "%zu transactions decoded", d->count);
  if (d->partial_bytes) analysis_note(a, "%zu bytes cut short by a START or STOP", d->partial_bytes);
  if (d->count == 0) analysis_problem(a, "no I2C transaction on the bus");
  analysis_judge(a);
}
