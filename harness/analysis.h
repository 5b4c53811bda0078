// SPDX-License-Identifier: MIT
// analysis.h: what an analyser of a capture hands back: measured figures
// (min/mean/max/stdev of a quantity, with the window it must stay in),
// the problems that make the check fail, and notes.
//
//   analysis_t a;
//   analysis_init(&a, "ws2812");
//   figure_t *t0h = analysis_figure(&a, "T0H", "ns", 250, 550);
//   figure_add(t0h, 402);
//   ...
//   analysis_judge(&a);         // a problem per figure out of its window
//   if (!analysis_ok(&a)) puts(buf_str(&a.problems));
//   analysis_free(&a);
//
// The figures are what the report records; a problem is one line of text
// that names the figure or item at fault, so a failing check says which.
#ifndef RIG_ANALYSIS_H
#define RIG_ANALYSIS_H

#include "buf.h"

#include <math.h>
#include <stddef.h>

#define ANALYSIS_MAX_FIGURES 24

typedef struct {
  char name[32]; // "T0H", "scl_hz", ...
  char unit[8];  // "ns", "Hz", "%"
  size_t n;
  double min, max, mean, m2; // running mean and sum of squared deviations (Welford)
  double lo, hi;             // the window; -INFINITY / INFINITY when open
  int judged;                // 0: reported only, never a problem
} figure_t;

typedef struct {
  char check[32];
  figure_t figures[ANALYSIS_MAX_FIGURES];
  int nfigures;
  buf_t problems; // one line each; empty = pass
  buf_t notes;    // one line each: decoded content worth showing
  int nproblems;
} analysis_t;

// A growing list of measured values (pulse widths, periods) in one unit.
typedef struct {
  double *v;
  size_t n, cap;
} series_t;

// RIG_OK or RIG_E_NOMEM.
rig_status_t series_add(series_t *s, double v);
void series_free(series_t *s);

void analysis_init(analysis_t *a, const char *check);
void analysis_free(analysis_t *a);

// A new figure with window [lo, hi] (use -INFINITY / INFINITY for an open
// side; both infinite: reported, not judged). NULL when full.
figure_t *analysis_figure(analysis_t *a, const char *name, const char *unit, double lo, double hi);
figure_t *analysis_find(analysis_t *a, const char *name);
void figure_add(figure_t *f, double v);
double figure_stdev(const figure_t *f);
// 1 when every value seen lies in the window (or it has none).
int figure_ok(const figure_t *f);

void analysis_problem(analysis_t *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void analysis_note(analysis_t *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
// Adds a problem for each judged figure out of its window, naming the
// figure, the value past the bound and the window, e.g.
// "T1H max 1012 ns above the window 650..950 ns".
void analysis_judge(analysis_t *a);
int analysis_ok(const analysis_t *a);

#endif
