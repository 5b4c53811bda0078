// SPDX-License-Identifier: MIT
// decode_uart.c: 8N1 frames at a given baud rate (see decode_uart.h).
#include "decode_uart.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void uart_decode_free(uart_decode_t *d) {
  free(d->bytes);
  series_free(&d->bit_ns);
  memset(d, 0, sizeof *d);
}

rig_status_t uart_decode(const capture_t *cap, int ch, double baud, uart_decode_t *d) {
  memset(d, 0, sizeof *d);
  const capture_channel_t *c = &cap->channels[ch];
  double bit = 1e9 / baud;
  d->bytes = malloc(c->count / 2 + 1);
  if (!d->bytes) return RIG_E_NOMEM;
  size_t i = 0;
  while (i < c->count) {
    if (c->edges[i].level != 0) {
      i++;
      continue;
    }
    int64_t start = c->edges[i].t_ns;
    int64_t frame_end = start + (int64_t)llround(10 * bit);
    if (frame_end > cap->end_ns + (int64_t)bit) break; // cut off by the end of the capture
    int v = 0;
    for (int k = 0; k < 8; k++)
      v |= capture_level_at(cap, ch, start + (int64_t)llround((k + 1.5) * bit)) << k;
    if (!capture_level_at(cap, ch, start + (int64_t)llround(9.5 * bit))) d->framing_errors++;
    d->bytes[d->count++] = (uint8_t)v;
    // Edges inside the frame measure the bit time; the next frame starts
    // at the first falling edge after the middle of the stop bit.
    int64_t stop_mid = start + (int64_t)llround(9.5 * bit);
    size_t j = i + 1;
    for (; j < c->count && c->edges[j].t_ns <= stop_mid; j++) {
      double off = (double)(c->edges[j].t_ns - start);
      double k = floor(off / bit + 0.5);
      if (k >= 1 && series_add(&d->bit_ns, off / k) != RIG_OK) return RIG_E_NOMEM;
    }
    i = j;
  }
  return RIG_OK;
}

void uart_check(const uart_decode_t *d, double baud, double max_error_pct, const uint8_t *want, size_t nwant,
                analysis_t *a) {
  figure_t *rate = analysis_figure(a, "baud", "Bd", -INFINITY, INFINITY);
  for (size_t i = 0; i < d->bit_ns.n; i++)
    figure_add(rate, 1e9 / d->bit_ns.v[i]);
  if (rate->n) {
    figure_t *err = analysis_figure(a, "baud_error_pct", "%", -INFINITY, max_error_pct);
    figure_add(err, 100.0 * fabs(rate->mean - baud) / baud);
  }
  if (d->framing_errors) analysis_problem(a, "%zu framing errors (stop bit low)", d->framing_errors);
  if (want) {
    size_t n = d->count < nwant ? d->count : nwant;
    size_t k = 0;
    while (k < n && d->bytes[k] == want[k])
      k++;
    if (k < n)
      analysis_problem(a, "byte %zu: 0x%02X decoded, 0x%02X sent", k, d->bytes[k], want[k]);
    else if (d->count != nwant)
      analysis_problem(a, "%zu bytes decoded, %zu sent", d->count, nwant);
  }
  analysis_note(a, "%zu bytes at %.0f Bd", d->count, baud);
  if (d->count == 0) analysis_problem(a, "no frame on the line");
  analysis_judge(a);
}
