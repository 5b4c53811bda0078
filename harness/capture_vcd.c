// SPDX-License-Identifier: MIT
// capture_vcd.c: reading Value Change Dump files (IEEE 1364 section 18)
// into a capture: what vboard's "capture stop" writes and what
// `sigrok-cli -O vcd` writes.
//
// Only 1-bit variables become channels; wider ones are read and ignored.
// 'x' reads as 0 and 'z' as 1 (a released line, held up by its pull-up).
// The first value a variable gets is its initial level, not an edge.
#include "capture.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VCD_MAX_VARS 256

typedef struct {
  const char *p, *end;
  int line;
  const char *name;
  char *err;
  size_t errlen;
} lexer_t;

typedef struct {
  char id[16];
  int channel; // -1: a variable we do not read (wider than 1 bit)
  int seen;    // it has had a value
} var_t;

static rig_status_t bad(lexer_t *lx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static rig_status_t bad(lexer_t *lx, const char *fmt, ...) {
  int n = snprintf(lx->err, lx->errlen, "%s:%d: ", lx->name, lx->line);
  va_list ap;
  va_start(ap, fmt);
  if (n >= 0 && (size_t)n < lx->errlen) vsnprintf(lx->err + n, lx->errlen - (size_t)n, fmt, ap);
  va_end(ap);
  return RIG_E_PROTOCOL;
}

// The next whitespace-separated token into [tok]; 0 at the end of input.
static int next_token(lexer_t *lx, char *tok, size_t cap) {
  while (lx->p < lx->end && isspace((unsigned char)*lx->p)) {
    if (*lx->p == '\n') lx->line++;
    lx->p++;
  }
  if (lx->p >= lx->end) return 0;
  size_t n = 0;
  while (lx->p < lx->end && !isspace((unsigned char)*lx->p)) {
    if (n + 1 < cap) tok[n++] = *lx->p;
    lx->p++;
  }
  tok[n] = '\0';
  return 1;
}

// Skips tokens up to and including "$end"; 0 when the input ends first.
static int skip_to_end(lexer_t *lx) {
  char tok[256];
  while (next_token(lx, tok, sizeof tok))
    if (!strcmp(tok, "$end")) return 1;
  return 0;
}

// "$timescale 1 ns $end" or "$timescale 10us $end": nanoseconds per tick
// as a fraction num/den.
static rig_status_t read_timescale(lexer_t *lx, int64_t *num, int64_t *den) {
  char text[64] = "", tok[64];
  while (next_token(lx, tok, sizeof tok) && strcmp(tok, "$end"))
    if (strlen(text) + strlen(tok) < sizeof text) strcat(text, tok);
  char *unit;
  long mult = strtol(text, &unit, 10);
  if (unit == text || (mult != 1 && mult != 10 && mult != 100))
    return bad(lx, "bad $timescale '%s' (1, 10 or 100 and a unit)", text);
  static const struct {
    const char *unit;
    int64_t num, den;
  } units[] = {{"s", 1000000000, 1}, {"ms", 1000000, 1}, {"us", 1000, 1},
               {"ns", 1, 1},         {"ps", 1, 1000},    {"fs", 1, 1000000}};
  for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
    if (!strcmp(unit, units[i].unit)) {
      *num = units[i].num * mult;
      *den = units[i].den;
      return RIG_OK;
    }
  return bad(lx, "bad $timescale unit '%s' (s, ms, us, ns, ps, fs)", unit);
}

static var_t *find_var(var_t *vars, int nvars, const char *id) {
  for (int i = 0; i < nvars; i++)
    if (!strcmp(vars[i].id, id)) return &vars[i];
  return NULL;
}

// Applies a scalar value change [v] of variable [id] at [t_ns].
static rig_status_t change(lexer_t *lx, capture_t *cap, var_t *vars, int nvars, char v, const char *id,
                           int64_t t_ns) {
  var_t *var = find_var(vars, nvars, id);
  if (!var) return bad(lx, "value change for unknown identifier '%s'", id);
  if (var->channel < 0) return RIG_OK;
  int level;
  switch (v) {
  case '0':
  case 'x':
  case 'X': level = 0; break;
  case '1':
  case 'z':
  case 'Z': level = 1; break;
  default: return bad(lx, "bad value '%c' for '%s' (0, 1, x or z)", v, id);
  }
  if (!var->seen) {
    var->seen = 1;
    if (cap->channels[var->channel].count == 0) {
      cap->channels[var->channel].initial = level;
      if (t_ns > cap->end_ns) cap->end_ns = t_ns;
      return RIG_OK;
    }
  }
  rig_status_t st = capture_set_level(cap, var->channel, t_ns, level);
  if (st == RIG_E_OVERFLOW) return bad(lx, "more than %u edges on '%s'", CAPTURE_MAX_EDGES, id);
  if (st != RIG_OK) return bad(lx, "%s", rig_strerror(st));
  return RIG_OK;
}

rig_status_t capture_read_vcd(capture_t *cap, const char *text, size_t len, const char *name, char *err,
                              size_t errlen) {
  capture_free(cap);
  snprintf(cap->source, sizeof cap->source, "vcd");
  lexer_t lx = {.p = text, .end = text + len, .line = 1, .name = name, .err = err, .errlen = errlen};
  var_t *vars = calloc(VCD_MAX_VARS, sizeof *vars);
  if (!vars) return bad(&lx, "out of memory");
  int nvars = 0, defs_done = 0, have_time = 0;
  int64_t num = 1, den = 1, tick = 0, t_ns = 0;
  rig_status_t st = RIG_OK;
  char tok[256];
  while (st == RIG_OK && next_token(&lx, tok, sizeof tok)) {
    if (!defs_done) {
      if (!strcmp(tok, "$timescale")) {
        st = read_timescale(&lx, &num, &den);
      } else if (!strcmp(tok, "$var")) {
        char type[32], width[32], id[64], ref[128];
        if (!next_token(&lx, type, sizeof type) || !next_token(&lx, width, sizeof width) ||
            !next_token(&lx, id, sizeof id) || !next_token(&lx, ref, sizeof ref)) {
          st = bad(&lx, "$var cut short");
          break;
        }
        if (!skip_to_end(&lx)) {
          st = bad(&lx, "$var without $end");
          break;
        }
        if (nvars >= VCD_MAX_VARS || strlen(id) >= sizeof vars[0].id) {
          st = bad(&lx, "too many variables or identifier too long");
          break;
        }
        char *wend;
        long w = strtol(width, &wend, 10);
        if (wend == width || *wend || w < 1) {
          st = bad(&lx, "bad $var width '%s'", width);
          break;
        }
        if (find_var(vars, nvars, id)) continue; // the same signal in another scope
        var_t *v = &vars[nvars++];
        memcpy(v->id, id, strlen(id) + 1); // its length was checked above
        v->channel = -1;
        if (w == 1) {
          v->channel = capture_add_channel(cap, ref, 0);
          if (v->channel < 0) st = bad(&lx, "more than %d channels", CAPTURE_MAX_CHANNELS);
        }
      } else if (!strcmp(tok, "$enddefinitions")) {
        if (!skip_to_end(&lx)) st = bad(&lx, "$enddefinitions without $end");
        defs_done = 1;
      } else if (tok[0] == '$' && strcmp(tok, "$end")) {
        // $date, $version, $comment, $scope, $upscope: nothing we need.
        if (!skip_to_end(&lx)) st = bad(&lx, "%s without $end", tok);
      } else {
        st = bad(&lx, "'%.40s' before $enddefinitions", tok);
      }
      continue;
    }
    if (tok[0] == '#') {
      char *end;
      long long v = strtoll(tok + 1, &end, 10);
      if (end == tok + 1 || *end || v < 0) {
        st = bad(&lx, "bad timestamp '%.40s'", tok);
        break;
      }
      if (have_time && v < tick) {
        st = bad(&lx, "time goes backwards (#%lld after #%lld)", v, (long long)tick);
        break;
      }
      if (v > INT64_MAX / num) {
        st = bad(&lx, "timestamp '%.40s' too large for the timescale", tok);
        break;
      }
      tick = v;
      have_time = 1;
      t_ns = tick * num / den;
      if (t_ns > cap->end_ns) cap->end_ns = t_ns;
    } else if (!strcmp(tok, "$dumpvars") || !strcmp(tok, "$dumpall") || !strcmp(tok, "$dumpon") ||
               !strcmp(tok, "$dumpoff") || !strcmp(tok, "$end")) {
      // The values inside are ordinary changes.
    } else if (!strcmp(tok, "$comment")) {
      if (!skip_to_end(&lx)) st = bad(&lx, "$comment without $end");
    } else if (tok[0] == 'b' || tok[0] == 'B' || tok[0] == 'r' || tok[0] == 'R') {
      char id[64];
      if (!next_token(&lx, id, sizeof id)) {
        st = bad(&lx, "vector value without identifier");
        break;
      }
      var_t *v = find_var(vars, nvars, id);
      if (!v) {
        st = bad(&lx, "value change for unknown identifier '%s'", id);
      } else if (v->channel >= 0 && tok[0] != 'r' && tok[0] != 'R') {
        // "b1 !" on a 1-bit wire: the last digit is the value.
        st = change(&lx, cap, vars, nvars, tok[strlen(tok) - 1], id, t_ns);
      }
    } else if (strchr("01xXzZ", tok[0]) && tok[1]) {
      if (!have_time) {
        // Values before any #time are at time 0.
        have_time = 1;
      }
      st = change(&lx, cap, vars, nvars, tok[0], tok + 1, t_ns);
    } else {
      st = bad(&lx, "unexpected '%.40s'", tok);
    }
  }
  if (st == RIG_OK && !defs_done) st = bad(&lx, "no $enddefinitions: not a VCD file, or cut short");
  if (st == RIG_OK && cap->nchannels == 0) st = bad(&lx, "no 1-bit $var: nothing to analyse");
  free(vars);
  if (st != RIG_OK) {
    capture_free(cap);
    return st;
  }
  return RIG_OK;
}
