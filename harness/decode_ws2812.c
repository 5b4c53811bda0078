// SPDX-License-Identifier: MIT
// decode_ws2812.c: WS2812 pulses, frames, timing and colours (see
// decode_ws2812.h).
#include "decode_ws2812.h"

#include <stdlib.h>
#include <string.h>

const ws2812_windows_t ws2812b_windows = {
    .name = "WS2812B",
    .t0h_min = 250,
    .t0h_max = 550,
    .t0l_min = 700,
    .t0l_max = 1000,
    .t1h_min = 650,
    .t1h_max = 950,
    .t1l_min = 300,
    .t1l_max = 600,
    .threshold = 600,
    .reset_min = 50000,
};

void ws2812_decode_free(ws2812_decode_t *d) {
  for (size_t i = 0; i < d->nframes; i++)
    free(d->frames[i].bytes);
  free(d->frames);
  free(d->pulses);
  memset(d, 0, sizeof *d);
}

// Closes the frame made of pulses [first, first + count): packs its bits.
static rig_status_t close_frame(ws2812_decode_t *d, size_t first, size_t count, double gap) {
  ws2812_frame_t *fr = realloc(d->frames, (d->nframes + 1) * sizeof *fr);
  if (!fr) return RIG_E_NOMEM;
  d->frames = fr;
  ws2812_frame_t *f = &d->frames[d->nframes];
  memset(f, 0, sizeof *f);
  f->first = first;
  f->count = count;
  f->gap_ns = gap;
  f->nbytes = count / 8;
  f->extra_bits = (int)(count % 8);
  f->bytes = calloc(f->nbytes ? f->nbytes : 1, 1);
  if (!f->bytes) return RIG_E_NOMEM;
  for (size_t i = 0; i < f->nbytes * 8; i++)
    if (d->pulses[first + i].bit) f->bytes[i / 8] |= (uint8_t)(0x80 >> (i % 8));
  d->nframes++;
  return RIG_OK;
}

rig_status_t ws2812_decode(const capture_t *cap, int ch, const ws2812_windows_t *w, ws2812_decode_t *d) {
  memset(d, 0, sizeof *d);
  const capture_channel_t *c = &cap->channels[ch];
  d->pulses = calloc(c->count / 2 + 1, sizeof *d->pulses);
  if (!d->pulses) return RIG_E_NOMEM;
  // Start at the first rising edge: a line found high is mid-pulse.
  size_t i = 0;
  while (i < c->count && c->edges[i].level != 1)
    i++;
  size_t frame_first = 0;
  for (; i + 1 < c->count; i += 2) {
    const capture_edge_t *rise = &c->edges[i], *fall = &c->edges[i + 1];
    ws2812_pulse_t *p = &d->pulses[d->npulses++];
    p->t_ns = rise->t_ns;
    p->high_ns = (double)(fall->t_ns - rise->t_ns);
    p->bit = p->high_ns > w->threshold;
    int64_t next = i + 2 < c->count ? c->edges[i + 2].t_ns : cap->end_ns;
    p->low_ns = (double)(next - fall->t_ns);
    int ends = p->low_ns >= w->reset_min || i + 2 >= c->count;
    if (ends) {
      p->last = 1;
      double gap = p->low_ns >= w->reset_min ? p->low_ns : 0;
      if (close_frame(d, frame_first, d->npulses - frame_first, gap) != RIG_OK) return RIG_E_NOMEM;
      frame_first = d->npulses;
    }
  }
  return RIG_OK;
}

// Wire bytes G R B of pixel [k] of frame [f] as 0xRRGGBB (the user's order).
static uint32_t pixel_rgb(const ws2812_frame_t *f, size_t k) {
  const uint8_t *p = f->bytes + 3 * k;
  return (uint32_t)p[1] << 16 | (uint32_t)p[0] << 8 | p[2];
}

static void compare_colours(const ws2812_decode_t *d, const ws2812_expect_t *exp, size_t nexp,
                            analysis_t *a) {
  if (d->nframes != nexp) analysis_problem(a, "frames: %zu decoded, %zu written", d->nframes, nexp);
  size_t n = d->nframes < nexp ? d->nframes : nexp;
  for (size_t i = 0; i < n; i++) {
    const ws2812_frame_t *f = &d->frames[i];
    const ws2812_expect_t *e = &exp[i];
    if (f->nbytes != 3 * e->npixels || f->extra_bits) {
      analysis_problem(a, "frame %zu (%s): %zu bits on the wire, %zu written", i, e->label, f->count,
                       24 * e->npixels);
    }
    size_t pixels = f->nbytes / 3 < e->npixels ? f->nbytes / 3 : e->npixels;
    size_t wrong = 0, swapped = 0;
    for (size_t k = 0; k < pixels; k++) {
      uint32_t got = pixel_rgb(f, k), want = e->rgb[k];
      if (got == want) continue;
      uint32_t rg_swap = (want >> 8 & 0xFF) << 16 | (want >> 16 & 0xFF) << 8 | (want & 0xFF);
      if (got == rg_swap) swapped++;
      if (++wrong <= 3)
        analysis_problem(a, "frame %zu (%s) pixel %zu: colour %06X decoded, %06X written (RGB)%s", i,
                         e->label, k, got, want, got == rg_swap ? ": red and green swapped" : "");
    }
    if (wrong > 3) analysis_problem(a, "frame %zu (%s): %zu pixels wrong in all", i, e->label, wrong);
    if (wrong && swapped == wrong)
      analysis_problem(a,
                       "colour order: every wrong pixel of frame %zu has red and green swapped (sent RGB, "
                       "not GRB)",
                       i);
    if (!wrong) analysis_note(a, "frame %zu (%s): %zu pixels as written", i, e->label, pixels);
  }
}

void ws2812_check(const ws2812_decode_t *d, const ws2812_windows_t *w, const ws2812_expect_t *exp,
                  size_t nexp, analysis_t *a) {
  figure_t *t0h = analysis_figure(a, "T0H", "ns", w->t0h_min, w->t0h_max);
  figure_t *t0l = analysis_figure(a, "T0L", "ns", w->t0l_min, w->t0l_max);
  figure_t *t1h = analysis_figure(a, "T1H", "ns", w->t1h_min, w->t1h_max);
  figure_t *t1l = analysis_figure(a, "T1L", "ns", w->t1l_min, w->t1l_max);
  figure_t *reset = analysis_figure(a, "reset", "ns", w->reset_min, INFINITY);
  figure_t *period = analysis_figure(a, "period", "ns", -INFINITY, INFINITY);
  for (size_t i = 0; i < d->npulses; i++) {
    const ws2812_pulse_t *p = &d->pulses[i];
    figure_add(p->bit ? t1h : t0h, p->high_ns);
    if (!p->last) {
      figure_add(p->bit ? t1l : t0l, p->low_ns);
      figure_add(period, p->high_ns + p->low_ns);
    }
  }
  for (size_t i = 0; i < d->nframes; i++)
    if (d->frames[i].gap_ns > 0) figure_add(reset, d->frames[i].gap_ns);
  analysis_note(a, "%zu pulses in %zu frames (%s windows)", d->npulses, d->nframes, w->name);
  if (d->npulses == 0) analysis_problem(a, "no pulses on the data line");
  analysis_judge(a);
  if (nexp) compare_colours(d, exp, nexp, a);
}
