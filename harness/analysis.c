// SPDX-License-Identifier: MIT
// analysis.c: figures and verdicts of an analysed capture (see analysis.h).
#include "analysis.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ANALYSIS_TEXT_MAX (64 * 1024)

rig_status_t series_add(series_t *s, double v) {
  if (s->n == s->cap) {
    size_t n = s->cap ? s->cap * 2 : 256;
    double *p = realloc(s->v, n * sizeof *p);
    if (!p) return RIG_E_NOMEM;
    s->v = p;
    s->cap = n;
  }
  s->v[s->n++] = v;
  return RIG_OK;
}

void series_free(series_t *s) {
  free(s->v);
  memset(s, 0, sizeof *s);
}

void analysis_init(analysis_t *a, const char *check) {
  memset(a, 0, sizeof *a);
  snprintf(a->check, sizeof a->check, "%s", check);
  buf_init(&a->problems, ANALYSIS_TEXT_MAX);
  buf_init(&a->notes, ANALYSIS_TEXT_MAX);
}

void analysis_free(analysis_t *a) {
  buf_free(&a->problems);
  buf_free(&a->notes);
}

figure_t *analysis_figure(analysis_t *a, const char *name, const char *unit, double lo, double hi) {
  if (a->nfigures >= ANALYSIS_MAX_FIGURES) return NULL;
  figure_t *f = &a->figures[a->nfigures++];
  memset(f, 0, sizeof *f);
  snprintf(f->name, sizeof f->name, "%s", name);
  snprintf(f->unit, sizeof f->unit, "%s", unit);
  f->lo = lo;
  f->hi = hi;
  f->judged = !(isinf(lo) && isinf(hi));
  return f;
}

figure_t *analysis_find(analysis_t *a, const char *name) {
  for (int i = 0; i < a->nfigures; i++)
    if (!strcmp(a->figures[i].name, name)) return &a->figures[i];
  return NULL;
}

void figure_add(figure_t *f, double v) {
  f->n++;
  if (f->n == 1 || v < f->min) f->min = v;
  if (f->n == 1 || v > f->max) f->max = v;
  double d = v - f->mean;
  f->mean += d / (double)f->n;
  f->m2 += d * (v - f->mean);
}

double figure_stdev(const figure_t *f) {
  return f->n > 1 ? sqrt(f->m2 / (double)(f->n - 1)) : 0.0;
}

int figure_ok(const figure_t *f) {
  return !f->judged || f->n == 0 || (f->min >= f->lo && f->max <= f->hi);
}

static void add_line(buf_t *b, const char *fmt, va_list ap) {
  char line[1024];
  vsnprintf(line, sizeof line, fmt, ap);
  buf_append_str(b, line);
  buf_append_str(b, "\n");
}

void analysis_problem(analysis_t *a, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  add_line(&a->problems, fmt, ap);
  va_end(ap);
  a->nproblems++;
}

void analysis_note(analysis_t *a, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  add_line(&a->notes, fmt, ap);
  va_end(ap);
}

// The window as text: "650..950 ns", ">= 50000 ns", "<= 10 %".
static void window_text(const figure_t *f, char *out, size_t cap) {
  if (isinf(f->lo))
    snprintf(out, cap, "<= %.6g %s", f->hi, f->unit);
  else if (isinf(f->hi))
    snprintf(out, cap, ">= %.6g %s", f->lo, f->unit);
  else
    snprintf(out, cap, "%.6g..%.6g %s", f->lo, f->hi, f->unit);
}

void analysis_judge(analysis_t *a) {
  for (int i = 0; i < a->nfigures; i++) {
    const figure_t *f = &a->figures[i];
    if (figure_ok(f)) continue;
    char win[64];
    window_text(f, win, sizeof win);
    if (f->min < f->lo)
      analysis_problem(a, "%s min %.6g %s below the window %s", f->name, f->min, f->unit, win);
    if (f->max > f->hi)
      analysis_problem(a, "%s max %.6g %s above the window %s", f->name, f->max, f->unit, win);
  }
}

int analysis_ok(const analysis_t *a) {
  return a->nproblems == 0;
}
