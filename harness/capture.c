// SPDX-License-Identifier: MIT
// capture.c: the in-memory capture (see capture.h); the readers live in
// capture_vcd.c and capture_sigrok.c.
#include "capture.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CAPTURE_FILE_MAX (256u << 20)

void capture_init(capture_t *cap) {
  memset(cap, 0, sizeof *cap);
}

void capture_free(capture_t *cap) {
  for (int i = 0; i < cap->nchannels; i++)
    free(cap->channels[i].edges);
  capture_init(cap);
}

// N from "gpioN" (or "GPIO N"), else -1.
static int pin_of(const char *name) {
  if (strncasecmp(name, "gpio", 4)) return -1;
  const char *p = name + 4;
  while (*p == ' ' || *p == '_')
    p++;
  char *end;
  long n = strtol(p, &end, 10);
  return end != p && *end == '\0' && n >= 0 && n < 64 ? (int)n : -1;
}

int capture_add_channel(capture_t *cap, const char *name, int initial) {
  if (cap->nchannels >= CAPTURE_MAX_CHANNELS) return -1;
  capture_channel_t *c = &cap->channels[cap->nchannels];
  memset(c, 0, sizeof *c);
  snprintf(c->name, sizeof c->name, "%s", name);
  c->pin = pin_of(c->name);
  c->initial = initial ? 1 : 0;
  return cap->nchannels++;
}

rig_status_t capture_set_level(capture_t *cap, int ch, int64_t t_ns, int level) {
  capture_channel_t *c = &cap->channels[ch];
  level = level ? 1 : 0;
  int64_t last = c->count ? c->edges[c->count - 1].t_ns : 0;
  if (t_ns < last) return RIG_E_USAGE;
  if (t_ns > cap->end_ns) cap->end_ns = t_ns;
  int now = c->count ? c->edges[c->count - 1].level : c->initial;
  if (now == level) return RIG_OK;
  if (c->count == c->cap) {
    if (c->cap >= CAPTURE_MAX_EDGES) return RIG_E_OVERFLOW;
    size_t n = c->cap ? c->cap * 2 : 256;
    capture_edge_t *e = realloc(c->edges, n * sizeof *e);
    if (!e) return RIG_E_NOMEM;
    c->edges = e;
    c->cap = n;
  }
  c->edges[c->count++] = (capture_edge_t){.t_ns = t_ns, .level = level};
  return RIG_OK;
}

int capture_find(const capture_t *cap, const char *name) {
  for (int i = 0; i < cap->nchannels; i++)
    if (!strcmp(cap->channels[i].name, name)) return i;
  int pin = pin_of(name);
  if (pin < 0) {
    char *end;
    long n = strtol(name, &end, 10);
    if (end != name && *end == '\0' && n >= 0 && n < 64) pin = (int)n;
  }
  return pin >= 0 ? capture_find_pin(cap, pin) : -1;
}

int capture_find_pin(const capture_t *cap, int pin) {
  for (int i = 0; i < cap->nchannels; i++)
    if (cap->channels[i].pin == pin) return i;
  return -1;
}

int capture_level_at(const capture_t *cap, int ch, int64_t t_ns) {
  const capture_channel_t *c = &cap->channels[ch];
  // The last edge at or before t_ns: binary search over ordered times.
  size_t lo = 0, hi = c->count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (c->edges[mid].t_ns <= t_ns)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo ? c->edges[lo - 1].level : c->initial;
}

rig_status_t capture_load(capture_t *cap, const char *path, char *err, size_t errlen) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
    return RIG_E_FILE;
  }
  char *text = NULL;
  size_t len = 0, alloc = 0;
  for (;;) {
    if (len + 65536 + 1 > alloc) {
      alloc = alloc ? alloc * 2 : 131072;
      char *p = alloc <= CAPTURE_FILE_MAX ? realloc(text, alloc) : NULL;
      if (!p) {
        free(text);
        fclose(f);
        snprintf(err, errlen, "%s: too large or out of memory", path);
        return RIG_E_FILE;
      }
      text = p;
    }
    size_t got = fread(text + len, 1, 65536, f);
    len += got;
    if (got < 65536) break;
  }
  int bad = ferror(f);
  fclose(f);
  if (bad) {
    free(text);
    snprintf(err, errlen, "%s: read error", path);
    return RIG_E_FILE;
  }
  text[len] = '\0';
  const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
  size_t i = 0;
  while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
    i++;
  rig_status_t st = i < len && text[i] == '$' ? capture_read_vcd(cap, text, len, base, err, errlen)
                                              : capture_read_csv(cap, text, len, base, 0, err, errlen);
  free(text);
  return st;
}

// VCD identifiers: printable characters from '!' on, base 94.
static void vcd_id(int n, char *out) {
  int k = 0;
  do {
    out[k++] = (char)('!' + n % 94);
    n /= 94;
  } while (n);
  out[k] = '\0';
}

rig_status_t capture_write_vcd(const capture_t *cap, const char *path, char *err, size_t errlen) {
  FILE *f = fopen(path, "w");
  if (!f) {
    snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
    return RIG_E_FILE;
  }
  fprintf(f, "$version pyrite rig $end\n$timescale 1 ns $end\n$scope module capture $end\n");
  char id[8];
  for (int i = 0; i < cap->nchannels; i++) {
    vcd_id(i, id);
    fprintf(f, "$var wire 1 %s %s $end\n", id, cap->channels[i].name);
  }
  fprintf(f, "$upscope $end\n$enddefinitions $end\n#0\n$dumpvars\n");
  for (int i = 0; i < cap->nchannels; i++) {
    vcd_id(i, id);
    fprintf(f, "%d%s\n", cap->channels[i].initial, id);
  }
  fprintf(f, "$end\n");
  // Merge the channels in time order.
  size_t at[CAPTURE_MAX_CHANNELS] = {0};
  int64_t written = -1;
  for (;;) {
    int best = -1;
    for (int i = 0; i < cap->nchannels; i++)
      if (at[i] < cap->channels[i].count &&
          (best < 0 || cap->channels[i].edges[at[i]].t_ns < cap->channels[best].edges[at[best]].t_ns))
        best = i;
    if (best < 0) break;
    const capture_edge_t *e = &cap->channels[best].edges[at[best]++];
    if (e->t_ns != written) fprintf(f, "#%lld\n", (long long)(written = e->t_ns));
    vcd_id(best, id);
    fprintf(f, "%d%s\n", e->level, id);
  }
  if (cap->end_ns > written) fprintf(f, "#%lld\n", (long long)cap->end_ns);
  if (fclose(f) != 0) {
    snprintf(err, errlen, "%s: write error", path);
    return RIG_E_FILE;
  }
  return RIG_OK;
}
