// SPDX-License-Identifier: MIT
// decode_onewire.c: 1-Wire resets, slots, bytes and DS18B20 commands (see
// decode_onewire.h).
#include "decode_onewire.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RESET_MIN_NS 240000.0 // longer than any slot (120 us) and any presence (240 us)
#define PRESENCE_WITHIN_NS 100000.0
#define ONE_MAX_NS 15000.0 // a 1 slot is released before the 15 us sampling point
#define SESSION_MAX_BITS 4096

typedef struct {
  uint8_t bits[SESSION_MAX_BITS];
  size_t n;
} bits_t;

void onewire_decode_free(onewire_decode_t *d) {
  free(d->s);
  series_free(&d->short_lows);
  series_free(&d->long_lows);
  memset(d, 0, sizeof *d);
}

uint8_t onewire_crc8(const uint8_t *p, size_t n) {
  uint8_t crc = 0;
  for (size_t i = 0; i < n; i++) {
    uint8_t b = p[i];
    for (int k = 0; k < 8; k++, b >>= 1) {
      int mix = (crc ^ b) & 1;
      crc >>= 1;
      if (mix) crc ^= 0x8C; // the reflected polynomial
    }
  }
  return crc;
}

// [n] bits from [at], LSB first, as a byte; -1 when there are not enough.
static int take_byte(const bits_t *b, size_t *at) {
  if (*at + 8 > b->n) return -1;
  int v = 0;
  for (int k = 0; k < 8; k++)
    v |= b->bits[*at + (size_t)k] << k;
  *at += 8;
  return v;
}

static void push_byte(onewire_session_t *s, int v) {
  if (s->nbytes < ONEWIRE_MAX_BYTES) s->bytes[s->nbytes] = (uint8_t)v;
  s->nbytes++;
}

// Reads the slots of a finished session into its commands and bytes.
static void interpret(onewire_session_t *s, const bits_t *b) {
  size_t at = 0;
  s->rom_cmd = take_byte(b, &at);
  s->func_cmd = -1;
  if (s->rom_cmd < 0) return;
  push_byte(s, s->rom_cmd);
  if (s->rom_cmd == 0xF0 || s->rom_cmd == 0xEC) {
    memset(s->rom, 0, sizeof s->rom);
    int i;
    for (i = 0; i < 64 && at + 3 <= b->n; i++, at += 3) {
      if (b->bits[at] && b->bits[at + 1]) {
        s->search_aborted = 1;
        break;
      }
      if (b->bits[at + 2]) s->rom[i / 8] |= (uint8_t)(1u << (i % 8));
    }
    s->has_rom = i == 64;
    return;
  }
  if (s->rom_cmd == 0x55 || s->rom_cmd == 0x33) {
    int i, v = 0;
    for (i = 0; i < 8 && (v = take_byte(b, &at)) >= 0; i++) {
      s->rom[i] = (uint8_t)v;
      push_byte(s, v);
    }
    s->has_rom = i == 8;
    if (!s->has_rom) return;
  } else if (s->rom_cmd != 0xCC) {
    return; // not a ROM command we know: keep the first byte only
  }
  s->func_cmd = take_byte(b, &at);
  if (s->func_cmd < 0) return;
  push_byte(s, s->func_cmd);
  if (s->func_cmd == 0x44) {
    s->poll_slots = b->n - at;
    return;
  }
  size_t first = s->nbytes;
  int v;
  while ((v = take_byte(b, &at)) >= 0)
    push_byte(s, v);
  // The pointer is set once the session array stops moving (onewire_decode).
  s->payload_at = first;
  s->npayload = first >= ONEWIRE_MAX_BYTES      ? 0
                : s->nbytes > ONEWIRE_MAX_BYTES ? ONEWIRE_MAX_BYTES - first
                                                : s->nbytes - first;
}

rig_status_t onewire_decode(const capture_t *cap, int ch, onewire_decode_t *d) {
  memset(d, 0, sizeof *d);
  const capture_channel_t *c = &cap->channels[ch];
  bits_t *bits = calloc(1, sizeof *bits);
  if (!bits) return RIG_E_NOMEM;
  onewire_session_t *cur = NULL;
  int64_t released = -1; // the end of the last reset
  int want_presence = 0;
  size_t i = 0;
  while (i < c->count && c->edges[i].level != 0)
    i++;
  for (; i + 1 < c->count; i += 2) {
    int64_t fall = c->edges[i].t_ns, rise = c->edges[i + 1].t_ns;
    double low = (double)(rise - fall);
    if (low > RESET_MIN_NS) {
      if (cur) interpret(cur, bits);
      onewire_session_t *s = realloc(d->s, (d->count + 1) * sizeof *s);
      if (!s) {
        free(bits);
        return RIG_E_NOMEM;
      }
      d->s = s;
      cur = &d->s[d->count++];
      memset(cur, 0, sizeof *cur);
      cur->t_ns = fall;
      cur->reset_low_ns = low;
      cur->rom_cmd = cur->func_cmd = -1;
      bits->n = 0;
      released = rise;
      want_presence = 1;
      continue;
    }
    if (want_presence) {
      want_presence = 0;
      if ((double)(fall - released) <= PRESENCE_WITHIN_NS) {
        cur->presence = 1;
        cur->presence_wait_ns = (double)(fall - released);
        cur->presence_low_ns = low;
        continue;
      }
    }
    if (!cur) continue; // slots before the first reset belong to nothing
    int one = low <= ONE_MAX_NS;
    rig_status_t st = series_add(one ? &d->short_lows : &d->long_lows, low);
    if (st != RIG_OK) {
      free(bits);
      return st;
    }
    if (bits->n < SESSION_MAX_BITS) bits->bits[bits->n++] = (uint8_t)one;
  }
  if (cur) interpret(cur, bits);
  free(bits);
  for (size_t k = 0; k < d->count; k++)
    d->s[k].payload = d->s[k].npayload ? d->s[k].bytes + d->s[k].payload_at : NULL;
  return RIG_OK;
}

static void hex(const uint8_t *p, size_t n, char *out) {
  static const char digits[] = "0123456789ABCDEF";
  for (size_t i = 0; i < n; i++) {
    out[2 * i] = digits[p[i] >> 4];
    out[2 * i + 1] = digits[p[i] & 15];
  }
  out[2 * n] = '\0';
}

// The temperature in a scratchpad at the resolution its config byte sets,
// and that resolution's step (undefined low bits cleared, as the part
// leaves them undefined).
static double scratch_temp(const uint8_t *sp, double *step) {
  int bits = 9 + (sp[4] >> 5 & 3);
  int16_t raw = (int16_t)(sp[1] << 8 | sp[0]);
  raw = (int16_t)(raw & ~((1 << (12 - bits)) - 1));
  *step = 1.0 / (1 << (bits - 8));
  return raw / 16.0;
}

void onewire_check(const onewire_decode_t *d, const onewire_expect_t *exp, analysis_t *a) {
  figure_t *rst = analysis_figure(a, "reset_low", "us", 480, INFINITY);
  figure_t *pw = analysis_figure(a, "presence_wait", "us", 15, 60);
  figure_t *pl = analysis_figure(a, "presence_low", "us", 60, 240);
  figure_t *s1 = analysis_figure(a, "slot_low_1", "us", 1, 15);
  figure_t *s0 = analysis_figure(a, "slot_low_0", "us", 15, 120);
  double tol = exp && exp->has_temp ? exp->tolerance_c : 0;
  figure_t *terr = analysis_figure(a, "temp_error", "C", -INFINITY, INFINITY);
  for (size_t i = 0; i < d->short_lows.n; i++)
    figure_add(s1, d->short_lows.v[i] / 1000.0);
  for (size_t i = 0; i < d->long_lows.n; i++)
    figure_add(s0, d->long_lows.v[i] / 1000.0);
  int found[8] = {0};
  size_t crc_errors = 0, reads = 0, searches = 0;
  char text[64], last_note[64] = "";
  for (size_t i = 0; i < d->count; i++) {
    const onewire_session_t *s = &d->s[i];
    figure_add(rst, s->reset_low_ns / 1000.0);
    if (!s->presence) {
      analysis_problem(a, "reset %zu: no presence pulse", i);
      continue;
    }
    figure_add(pw, s->presence_wait_ns / 1000.0);
    figure_add(pl, s->presence_low_ns / 1000.0);
    if (s->has_rom) {
      hex(s->rom, 8, text);
      if (onewire_crc8(s->rom, 8) != 0)
        analysis_problem(a, "ROM %s (reset %zu): CRC8 check failed", text, i);
      else if (s->rom[0] != 0x28)
        analysis_problem(a, "ROM %s (reset %zu): family 0x%02X, not 0x28 (DS18B20)", text, i, s->rom[0]);
      if (s->rom_cmd == 0xF0) {
        searches++;
        int known = 0;
        for (int k = 0; exp && k < exp->nroms; k++)
          if (!memcmp(exp->roms[k], s->rom, 8)) found[k] = known = 1;
        if (exp && exp->nroms && !known)
          analysis_problem(a, "ROM search found %s, not in the wiring map", text);
      }
    }
    if (s->search_aborted)
      analysis_problem(a, "reset %zu: ROM search saw no device (bit and complement 1)", i);
    if (s->func_cmd == 0xBE && s->payload && s->npayload >= 9) {
      reads++;
      hex(s->payload, 9, text);
      if (onewire_crc8(s->payload, 9) != 0) {
        crc_errors++;
        analysis_problem(a, "scratchpad %s (reset %zu): CRC8 check failed", text, i);
        continue;
      }
      double step, t = scratch_temp(s->payload, &step);
      if (exp && exp->has_temp) {
        double err = t > exp->temp_c ? t - exp->temp_c : exp->temp_c - t;
        figure_add(terr, err);
        if (err > step + tol)
          analysis_problem(a, "temperature %.4f C at %d bits read, the fixture is at %.4f C (step %.4f C)", t,
                           9 + (s->payload[4] >> 5 & 3), exp->temp_c, step);
      }
      // The same scratchpad read twice in a row (read_scratch, then
      // read_temp) is noted once.
      if (strcmp(text, last_note))
        analysis_note(a, "scratchpad %s: %.4f C at %d bits", text, t, 9 + (s->payload[4] >> 5 & 3));
      snprintf(last_note, sizeof last_note, "%s", text);
    }
  }
  if (searches && exp)
    for (int k = 0; k < exp->nroms; k++)
      if (!found[k]) {
        hex(exp->roms[k], 8, text);
        analysis_problem(a, "ROM search did not find %s (in the wiring map)", text);
      }
  if (d->count == 0) analysis_problem(a, "no reset on the 1-Wire line");
  analysis_note(a, "%zu resets, %zu ROM searches, %zu scratchpad reads (%zu CRC errors)", d->count, searches,
                reads, crc_errors);
  analysis_judge(a);
}
