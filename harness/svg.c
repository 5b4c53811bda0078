// SPDX-License-Identifier: MIT
// svg.c: SVG pictures of the loopback checks (see svg.h).
#include "svg.h"

#include "buf.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define SVG_MAX (4u << 20)
#define HIST_MAX_NS 1500.0
#define HIST_BIN_NS 20.0
#define HIST_BINS 75 // HIST_MAX_NS / HIST_BIN_NS

static const char *const FONT = "font-family=\"monospace\" font-size=\"11\"";

static rig_status_t save(buf_t *b, const char *path, char *err, size_t errlen) {
  buf_append_str(b, "</svg>\n");
  rig_status_t st = RIG_OK;
  FILE *f = fopen(path, "w");
  if (!f || fwrite(buf_str(b), 1, b->len, f) != b->len) {
    snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
    st = RIG_E_FILE;
  }
  if (f && fclose(f) != 0 && st == RIG_OK) {
    snprintf(err, errlen, "%s: write error", path);
    st = RIG_E_FILE;
  }
  buf_free(b);
  return st;
}

static void open_svg(buf_t *b, int width, int height, const char *title) {
  buf_init(b, SVG_MAX);
  buf_printf(b,
             "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">\n"
             "<title>%s</title>\n<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>\n",
             width, height, width, height, title);
}

// One panel of the histogram: two pulse kinds, their windows as bands.
typedef struct {
  const char *name[2];
  const char *colour[2];
  double lo[2], hi[2];
  int count[2][HIST_BINS + 1]; // the last bin holds everything past the range
} panel_t;

static void draw_panel(buf_t *b, const panel_t *p, int top, const char *title) {
  const int left = 50, width = 660, height = 120;
  int peak = 1;
  for (int k = 0; k < 2; k++)
    for (int i = 0; i <= HIST_BINS; i++)
      if (p->count[k][i] > peak) peak = p->count[k][i];
  double xs = width / (HIST_MAX_NS + HIST_BIN_NS);
  buf_printf(b, "<text x=\"%d\" y=\"%d\" %s font-weight=\"bold\">%s</text>\n", left, top - 6, FONT, title);
  for (int k = 0; k < 2; k++) {
    double x0 = left + p->lo[k] * xs, x1 = left + fmin(p->hi[k], HIST_MAX_NS) * xs;
    buf_printf(b,
               "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" fill-opacity=\"0.15\" "
               "stroke=\"%s\" stroke-dasharray=\"4 3\"/>\n",
               x0, top, x1 - x0, height, p->colour[k], p->colour[k]);
    buf_printf(b, "<text x=\"%.1f\" y=\"%d\" %s fill=\"%s\">%s window %.0f..%.0f ns</text>\n", x0 + 2,
               top + 12 + 12 * k, FONT, p->colour[k], p->name[k], p->lo[k], p->hi[k]);
    for (int i = 0; i <= HIST_BINS; i++) {
      if (!p->count[k][i]) continue;
      double h = (double)p->count[k][i] * (height - 28) / peak;
      double x = left + i * HIST_BIN_NS * xs;
      buf_printf(
          b,
          "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %d..%d ns: "
          "%d</title></rect>\n",
          x, top + height - h, HIST_BIN_NS * xs - 0.5, h, p->colour[k], p->name[k], (int)(i * HIST_BIN_NS),
          (int)((i + 1) * HIST_BIN_NS), p->count[k][i]);
    }
  }
  buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>\n", left, top + height,
             left + width, top + height);
  for (int ns = 0; ns <= (int)HIST_MAX_NS; ns += 250)
    buf_printf(b, "<text x=\"%.1f\" y=\"%d\" %s text-anchor=\"middle\">%d</text>\n", left + ns * xs,
               top + height + 13, FONT, ns);
  buf_printf(b, "<text x=\"%d\" y=\"%d\" %s text-anchor=\"end\">%d</text>\n", left - 4, top + 28, FONT, peak);
}

static int bin_of(double ns) {
  int i = (int)(ns / HIST_BIN_NS);
  return i < 0 ? 0 : i > HIST_BINS ? HIST_BINS : i;
}

rig_status_t svg_ws2812_histogram(const ws2812_decode_t *d, const ws2812_windows_t *w, const char *path,
                                  char *err, size_t errlen) {
  panel_t highs, lows; // on the stack: farm workers draw at once
  highs = (panel_t){.name = {"T0H", "T1H"},
                    .colour = {"#1f77b4", "#d62728"},
                    .lo = {w->t0h_min, w->t1h_min},
                    .hi = {w->t0h_max, w->t1h_max}};
  lows = (panel_t){.name = {"T0L", "T1L"},
                   .colour = {"#1f77b4", "#d62728"},
                   .lo = {w->t0l_min, w->t1l_min},
                   .hi = {w->t0l_max, w->t1l_max}};
  for (size_t i = 0; i < d->npulses; i++) {
    const ws2812_pulse_t *p = &d->pulses[i];
    highs.count[p->bit][bin_of(p->high_ns)]++;
    if (!p->last) lows.count[p->bit][bin_of(p->low_ns)]++;
  }
  buf_t b;
  open_svg(&b, 730, 360, "WS2812 pulse widths");
  buf_printf(&b,
             "<text x=\"50\" y=\"16\" %s>WS2812 pulse widths: %zu bits in %zu frames, %s windows "
             "(dashed); bins of %.0f ns, the last holds longer ones</text>\n",
             FONT, d->npulses, d->nframes, w->name, HIST_BIN_NS);
  draw_panel(&b, &highs, 40, "high times (ns)");
  draw_panel(&b, &lows, 205, "low times (ns)");
  return save(&b, path, err, errlen);
}

// The first frame whose first pixel has both 0 and 1 bits (the most
// telling picture), else frame 0.
static size_t telling_frame(const ws2812_decode_t *d) {
  for (size_t f = 0; f < d->nframes; f++) {
    const ws2812_frame_t *fr = &d->frames[f];
    int ones = 0;
    for (size_t i = 0; i < fr->count && i < 24; i++)
      ones += d->pulses[fr->first + i].bit;
    if (fr->count >= 24 && ones > 0 && ones < 24) return f;
  }
  return 0;
}

rig_status_t svg_ws2812_first_pixel(const ws2812_decode_t *d, const char *path, char *err, size_t errlen) {
  size_t frame = telling_frame(d);
  size_t n = d->nframes ? d->frames[frame].count : 0;
  if (n > 24) n = 24;
  const ws2812_pulse_t *pulses = d->nframes ? d->pulses + d->frames[frame].first : d->pulses;
  double total = 0;
  for (size_t i = 0; i < n; i++)
    total += pulses[i].high_ns + (i + 1 < n ? pulses[i].low_ns : 600);
  if (total <= 0) total = 1;
  const int left = 20, width = 700, hi_y = 40, lo_y = 90;
  double xs = width / total;
  buf_t b;
  open_svg(&b, 740, 150, "WS2812 first pixel");
  buf_printf(
      &b,
      "<text x=\"%d\" y=\"16\" %s>First pixel of frame %zu: %zu bits, %.0f ns (G R B, MSB first)</text>\n",
      left, FONT, frame, n, total);
  buf_printf(&b, "<polyline fill=\"none\" stroke=\"#000\" stroke-width=\"1.5\" points=\"%d,%d", left, lo_y);
  double t = 0;
  for (size_t i = 0; i < n; i++) {
    double x0 = left + t * xs, x1 = left + (t + pulses[i].high_ns) * xs;
    buf_printf(&b, " %.1f,%d %.1f,%d %.1f,%d %.1f,%d", x0, lo_y, x0, hi_y, x1, hi_y, x1, lo_y);
    t += pulses[i].high_ns + (i + 1 < n ? pulses[i].low_ns : 600);
  }
  buf_printf(&b, " %.1f,%d\"/>\n", left + t * xs, lo_y);
  t = 0;
  for (size_t i = 0; i < n; i++) {
    const ws2812_pulse_t *p = &pulses[i];
    buf_printf(&b,
               "<text x=\"%.1f\" y=\"%d\" %s fill=\"%s\">%d<title>bit %zu: high %.0f ns, low %.0f "
               "ns</title></text>\n",
               left + t * xs + 2, hi_y - 4, FONT, p->bit ? "#d62728" : "#1f77b4", p->bit, i, p->high_ns,
               p->low_ns);
    t += p->high_ns + (i + 1 < n ? p->low_ns : 600);
    if (i % 8 == 7) {
      static const char *const names[3] = {"G", "R", "B"};
      buf_printf(
          &b,
          "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\" stroke-dasharray=\"2 2\"/>\n",
          left + t * xs, hi_y - 14, left + t * xs, lo_y + 24);
      buf_printf(&b, "<text x=\"%.1f\" y=\"%d\" %s text-anchor=\"end\">%s = 0x%02X</text>\n",
                 left + t * xs - 4, lo_y + 20, FONT, names[i / 8],
                 d->frames[frame].nbytes > i / 8 ? d->frames[frame].bytes[i / 8] : 0);
    }
  }
  return save(&b, path, err, errlen);
}

static void xml_text(buf_t *b, const char *s) {
  for (; *s; s++) {
    if (*s == '<')
      buf_append_str(b, "&lt;");
    else if (*s == '>')
      buf_append_str(b, "&gt;");
    else if (*s == '&')
      buf_append_str(b, "&amp;");
    else
      buf_append(b, s, 1);
  }
}

// Address-only transactions nobody acknowledged (a scan's misses).
static int is_miss(const i2c_transaction_t *t) {
  return t->addr >= 0 && !t->addr_ack && t->ndata == 0;
}

rig_status_t svg_i2c_transactions(const i2c_decode_t *d, double scl_hz, const char *path, char *err,
                                  size_t errlen) {
  enum { SHOWN = 60, LINE = 15 };
  buf_t body;
  buf_init(&body, SVG_MAX);
  size_t lines = 0, i = 0;
  while (i < d->count && lines < SHOWN) {
    size_t run = 0;
    while (i + run < d->count && is_miss(&d->t[i + run]))
      run++;
    double at = (double)(d->t[i].t_ns - d->t[0].t_ns) / 1000.0;
    int y = (int)(40 + LINE * lines++);
    if (run >= 3) {
      // A scan's misses in one line.
      if (d->t[i].addr == d->t[i + run - 1].addr)
        buf_printf(&body,
                   "<text x=\"10\" y=\"%d\" %s fill=\"#777\">%4zu  %9.1f us  S %02XW- P x %zu: busy (ACK "
                   "polling)</text>\n",
                   y, FONT, i, at, d->t[i].addr, run);
      else
        buf_printf(
            &body,
            "<text x=\"10\" y=\"%d\" %s fill=\"#777\">%4zu  %9.1f us  S %02X..%02X W- P: %zu addresses, "
            "no answer</text>\n",
            y, FONT, i, at, d->t[i].addr, d->t[i + run - 1].addr, run);
      i += run;
      continue;
    }
    char line[256];
    i2c_transaction_text(&d->t[i], i > 0 && !d->t[i - 1].stopped, line, sizeof line);
    int nack = d->t[i].addr >= 0 && !d->t[i].addr_ack;
    buf_printf(&body, "<text x=\"10\" y=\"%d\" %s fill=\"%s\">%4zu  %9.1f us  ", y, FONT,
               nack ? "#d62728" : "#000", i, at);
    xml_text(&body, line);
    buf_append_str(&body, "</text>\n");
    i++;
  }
  buf_t b;
  open_svg(&b, 740, (int)(48 + LINE * (lines + (i < d->count))), "I2C transactions");
  buf_printf(&b,
             "<text x=\"10\" y=\"16\" %s font-weight=\"bold\">I2C: %zu transactions, SCL %.0f Hz "
             "(+ ACK, - NACK, S START, Sr repeated START, P STOP)</text>\n",
             FONT, d->count, scl_hz);
  buf_append(&b, buf_str(&body), body.len);
  buf_free(&body);
  if (i < d->count)
    buf_printf(&b, "<text x=\"10\" y=\"%zu\" %s>... %zu more (all of them are in the report)</text>\n",
               40 + LINE * lines, FONT, d->count - i);
  return save(&b, path, err, errlen);
}
