// SPDX-License-Identifier: MIT
// decode_pwm.c: PWM frequency and duty from edges (see decode_pwm.h).
#include "decode_pwm.h"

#include <math.h>
#include <stdlib.h>

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

// The median of [s] (sorted in place); 0 when empty.
static double median(series_t *s) {
  if (!s->n) return 0;
  qsort(s->v, s->n, sizeof *s->v, by_value);
  return s->n % 2 ? s->v[s->n / 2] : (s->v[s->n / 2 - 1] + s->v[s->n / 2]) / 2;
}

void pwm_check(const capture_t *cap, int ch, double freq_hz, double duty_pct, double max_freq_error_pct,
               double max_duty_error, analysis_t *a) {
  const capture_channel_t *c = &cap->channels[ch];
  figure_t *freq = analysis_figure(a, "freq", "Hz", -INFINITY, INFINITY);
  figure_t *duty = analysis_figure(a, "duty", "%", -INFINITY, INFINITY);
  series_t freqs = {0}, duties = {0};
  size_t i = 0;
  while (i < c->count && c->edges[i].level != 1)
    i++;
  for (; i + 2 < c->count; i += 2) {
    double period = (double)(c->edges[i + 2].t_ns - c->edges[i].t_ns);
    double high = (double)(c->edges[i + 1].t_ns - c->edges[i].t_ns);
    if (period <= 0) continue;
    figure_add(freq, 1e9 / period);
    figure_add(duty, 100.0 * high / period);
    if (series_add(&freqs, 1e9 / period) != RIG_OK || series_add(&duties, 100.0 * high / period) != RIG_OK)
      break;
  }
  if (freq->n < 2) {
    analysis_problem(a, "%zu PWM periods on the line (a steady level or too short a capture)", freq->n);
  } else {
    // Judged on the medians: the periods around starting and stopping the
    // PWM are not the steady signal.
    double f = median(&freqs), d = median(&duties);
    figure_t *fe = analysis_figure(a, "freq_error_pct", "%", -INFINITY, max_freq_error_pct);
    figure_add(fe, 100.0 * fabs(f - freq_hz) / freq_hz);
    figure_t *de = analysis_figure(a, "duty_error", "%", -INFINITY, max_duty_error);
    figure_add(de, fabs(d - duty_pct));
    analysis_note(a,
                  "capture: %.2f Hz (error %.2f %%) at %.2f %% duty (error %.2f points), medians of %zu "
                  "periods; %.2f Hz at %.2f %% requested",
                  f, fe->max, d, de->max, freq->n, freq_hz, duty_pct);
  }
  series_free(&freqs);
  series_free(&duties);
  analysis_judge(a);
}

void pwm_board_figures(double high_us, double low_us, double freq_hz, double duty_pct,
                       double max_freq_error_pct, double max_duty_error, analysis_t *a) {
  // time_pulse_us gives -2 when the level never came, -1 when it lasted
  // past the timeout: a steady line, not a waveform.
  if (high_us <= 0 || low_us <= 0) {
    analysis_problem(a, "the board's time_pulse_us timed out (high %.0f us, low %.0f us)", high_us, low_us);
    return;
  }
  double period_us = high_us + low_us, f = 1e6 / period_us, d = 100.0 * high_us / period_us;
  figure_add(analysis_figure(a, "board_freq", "Hz", -INFINITY, INFINITY), f);
  figure_add(analysis_figure(a, "board_duty", "%", -INFINITY, INFINITY), d);
  figure_t *fe = analysis_figure(a, "board_freq_error_pct", "%", -INFINITY, max_freq_error_pct);
  figure_add(fe, 100.0 * fabs(f - freq_hz) / freq_hz);
  figure_t *de = analysis_figure(a, "board_duty_error", "%", -INFINITY, max_duty_error);
  figure_add(de, fabs(d - duty_pct));
  analysis_note(a, "board (time_pulse_us): %.2f Hz (error %.2f %%) at %.2f %% duty (error %.2f points)", f,
                fe->max, d, de->max);
}
