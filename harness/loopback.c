// SPDX-License-Identifier: MIT
// loopback.c: the loopback check group around the runner (see loopback.h).
#include "loopback.h"

#include "analysis.h"
#include "decode_i2c.h"
#include "decode_onewire.h"
#include "decode_pwm.h"
#include "decode_uart.h"
#include "decode_ws2812.h"
#include "svg.h"
#include "wiring.h"

#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define RECORDS_MAX (256 * 1024)
#define COMMAND_GRACE_MS 1000 // a capture command may end by itself this long after the test
#define COMMAND_STOP_MS 10000 // then it has this long to write its file after SIGINT
// Tolerances of the checks that have no datasheet window.
#define I2C_FREQ_TOLERANCE_PCT 25.0 // bit-banged: GPIO overhead makes the bus slower than asked
#define PWM_FREQ_TOLERANCE_PCT 5.0
#define PWM_DUTY_TOLERANCE 3.0 // percentage points
#define UART_BAUD_TOLERANCE_PCT 3.0
#define ONEWIRE_TOLERANCE_C 0.0 // the virtual part reads exactly; real farms set none here yet

struct loopback {
  wiring_t wiring;
  transport_t *vboard;
  char command[1024];
  char board[128];
  runner_t *run;
  char out_dir[PATH_MAX]; // without a runner
  // The test under way.
  int active;
  char check[16];
  char pins[64];
  char stem[512]; // capture-<board>-<test id> (file names)
  char capture_path[PATH_MAX];
  pid_t child;   // the capture command, 0 when none
  buf_t records; // the test's '@' lines
  char *json;    // the last result's "loopback" object
};

loopback_t *loopback_new(void) {
  loopback_t *lb = calloc(1, sizeof *lb);
  if (!lb) return NULL;
  snprintf(lb->board, sizeof lb->board, "board");
  buf_init(&lb->records, RECORDS_MAX);
  return lb;
}

static void stop_child(loopback_t *lb);

void loopback_free(loopback_t *lb) {
  if (!lb) return;
  stop_child(lb);
  wiring_free(&lb->wiring);
  buf_free(&lb->records);
  free(lb->json);
  free(lb);
}

rig_status_t loopback_set_wiring(loopback_t *lb, const char *const *names, int n, const char *dir, char *err,
                                 size_t errlen) {
  wiring_free(&lb->wiring);
  return wiring_load(&lb->wiring, names, n, dir, err, errlen);
}

void loopback_use_vboard(loopback_t *lb, transport_t *t) {
  lb->vboard = t;
}

void loopback_use_command(loopback_t *lb, const char *command) {
  snprintf(lb->command, sizeof lb->command, "%s", command ? command : "");
}

int loopback_ready(const loopback_t *lb) {
  return lb->vboard != NULL || lb->command[0] != '\0';
}

void loopback_set_output_dir(loopback_t *lb, const char *dir) {
  snprintf(lb->out_dir, sizeof lb->out_dir, "%s", dir);
}

void loopback_set_board(loopback_t *lb, const char *name) {
  snprintf(lb->board, sizeof lb->board, "%s", name);
}

const char *loopback_device_type(const char *check) {
  if (!strcmp(check, "ws2812")) return "ws2812";
  if (!strcmp(check, "i2c")) return "eeprom24c32";
  if (!strcmp(check, "onewire")) return "ds18b20";
  if (!strcmp(check, "gpio") || !strcmp(check, "pwm") || !strcmp(check, "uart")) return "wire";
  return NULL;
}

// ---- records ----------------------------------------------------------

// The value of "key=" in a record line, copied into [out]; 0 when absent.
static int field(const char *line, const char *key, char *out, size_t cap) {
  size_t kl = strlen(key);
  for (const char *p = line; (p = strstr(p, key)) != NULL; p++) {
    if ((p == line || p[-1] == ' ') && p[kl] == '=') {
      const char *v = p + kl + 1;
      size_t n = strcspn(v, " \n");
      snprintf(out, cap, "%.*s", (int)(n < cap ? n : cap - 1), v);
      return 1;
    }
  }
  return 0;
}

static double field_num(const char *line, const char *key, double dflt) {
  char v[64];
  if (!field(line, key, v, sizeof v)) return dflt;
  char *end;
  double d = strtod(v, &end);
  return end != v ? d : dflt;
}

// The [index]th record line starting with "@[kind] " (or "@[kind]\n"),
// copied into [out] without the kind; 0 when none.
static int record(const char *records, const char *kind, int index, char *out, size_t cap) {
  size_t kl = strlen(kind);
  for (const char *p = records ? records : ""; *p;) {
    const char *nl = strchr(p, '\n');
    size_t len = nl ? (size_t)(nl - p) : strlen(p);
    if (len > kl && p[0] == '@' && !strncmp(p + 1, kind, kl) && (p[kl + 1] == ' ' || len == kl + 1) &&
        index-- == 0) {
      size_t skip = kl + 1 + (len > kl + 1);
      snprintf(out, cap, "%.*s", (int)(len - skip < cap ? len - skip : cap - 1), p + skip);
      return 1;
    }
    p += len + (nl != NULL);
  }
  return 0;
}

// Hex digits into bytes; returns the count, or -1 on a bad digit.
static int unhex(const char *s, uint8_t *out, size_t cap) {
  size_t n = 0;
  while (s[0] && s[1] && n < cap) {
    unsigned v;
    if (sscanf(s, "%2x", &v) != 1) return -1;
    out[n++] = (uint8_t)v;
    s += 2;
  }
  return (int)n;
}

// ---- the checks -------------------------------------------------------

static int channel(const capture_t *cap, long pin, analysis_t *a) {
  int ch = pin >= 0 ? capture_find_pin(cap, (int)pin) : -1;
  if (ch < 0) analysis_problem(a, "the capture has no channel for GPIO%ld", pin);
  return ch;
}

static void check_ws2812(loopback_t *lb, const capture_t *cap, const char *records, const char *dir,
                         const char *stem, analysis_t *a, json_t *pictures) {
  int ch = channel(cap, wiring_int(wiring_find(&lb->wiring, "ws2812", 0), "pin", -1), a);
  if (ch < 0) return;
  // Workers of a farm run analyse at once: nothing static here.
  ws2812_expect_t *exp = calloc(16, sizeof *exp);
  if (!exp) {
    analysis_problem(a, "out of memory");
    return;
  }
  size_t nexp = 0;
  char line[4096];
  for (int i = 0; nexp < 16 && record(records, "ws2812", i, line, sizeof line); i++) {
    ws2812_expect_t *e = &exp[nexp++];
    memset(e, 0, sizeof *e);
    char *save = NULL, *tok = strtok_r(line, " ", &save);
    snprintf(e->label, sizeof e->label, "%s", tok ? tok : "?");
    while ((tok = strtok_r(NULL, " ", &save)) && e->npixels < 256)
      e->rgb[e->npixels++] = (uint32_t)strtoul(tok, NULL, 16);
  }
  if (!nexp) analysis_problem(a, "the test printed no '@ws2812' record: nothing to compare the colours with");
  ws2812_decode_t d;
  if (ws2812_decode(cap, ch, &ws2812b_windows, &d) != RIG_OK) {
    analysis_problem(a, "out of memory decoding the capture");
    free(exp);
    return;
  }
  ws2812_check(&d, &ws2812b_windows, exp, nexp, a);
  free(exp);
  if (dir) {
    char path[PATH_MAX], name[600], err[256];
    snprintf(name, sizeof name, "%s-ws2812-widths.svg", stem);
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (svg_ws2812_histogram(&d, &ws2812b_windows, path, err, sizeof err) == RIG_OK)
      json_array_append_new(pictures, json_string(name));
    snprintf(name, sizeof name, "%s-ws2812-pixel0.svg", stem);
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (d.nframes && svg_ws2812_first_pixel(&d, path, err, sizeof err) == RIG_OK)
      json_array_append_new(pictures, json_string(name));
  }
  ws2812_decode_free(&d);
}

static void check_i2c(loopback_t *lb, const capture_t *cap, const char *records, const char *dir,
                      const char *stem, analysis_t *a, json_t *pictures, json_t *transactions) {
  const wiring_device_t *dev = wiring_find(&lb->wiring, "eeprom24c32", 0);
  int scl = channel(cap, wiring_int(dev, "scl", -1), a), sda = channel(cap, wiring_int(dev, "sda", -1), a);
  if (scl < 0 || sda < 0) return;
  char line[1024] = "", scan[512] = "";
  int have = record(records, "i2c", 0, line, sizeof line);
  if (!have) analysis_problem(a, "the test printed no '@i2c' record (freq=, scan=)");
  double freq = field_num(line, "freq", 0);
  int board[128], want[128];
  size_t nboard = 0, nwant = 0;
  int has_scan = field(line, "scan", scan, sizeof scan);
  for (char *save = NULL, *tok = strtok_r(scan, ",", &save); has_scan && tok && nboard < 128;
       tok = strtok_r(NULL, ",", &save))
    board[nboard++] = (int)strtol(tok, NULL, 0);
  // Every device on those pins is expected to answer a scan.
  for (int i = 0; i < lb->wiring.ndevices && nwant < 128; i++) {
    const wiring_device_t *d = &lb->wiring.devices[i];
    if (wiring_int(d, "scl", -2) == wiring_int(dev, "scl", -1) && wiring_int(d, "addr", -1) >= 0)
      want[nwant++] = (int)wiring_int(d, "addr", -1);
  }
  i2c_decode_t d;
  if (i2c_decode(cap, scl, sda, &d) != RIG_OK) {
    analysis_problem(a, "out of memory decoding the capture");
    return;
  }
  i2c_check_timing(&d, freq, I2C_FREQ_TOLERANCE_PCT, a);
  i2c_check_scan(&d, want, nwant, has_scan ? board : NULL, nboard, a);
  for (size_t i = 0; i < d.count && i < 2000; i++) {
    char text[256];
    i2c_transaction_text(&d.t[i], i > 0 && !d.t[i - 1].stopped, text, sizeof text);
    json_array_append_new(transactions, json_string(text));
  }
  if (dir) {
    char path[PATH_MAX], name[600], err[256];
    snprintf(name, sizeof name, "%s-i2c.svg", stem);
    snprintf(path, sizeof path, "%s/%s", dir, name);
    figure_t *hz = analysis_find(a, "scl_hz");
    if (svg_i2c_transactions(&d, hz && hz->n ? hz->mean : 0, path, err, sizeof err) == RIG_OK)
      json_array_append_new(pictures, json_string(name));
  }
  i2c_decode_free(&d);
}

static void check_onewire(loopback_t *lb, const capture_t *cap, const char *records, analysis_t *a) {
  const wiring_device_t *dev = wiring_find(&lb->wiring, "ds18b20", 0);
  int ch = channel(cap, wiring_int(dev, "pin", -1), a);
  if (ch < 0) return;
  onewire_expect_t exp;
  memset(&exp, 0, sizeof exp);
  exp.tolerance_c = ONEWIRE_TOLERANCE_C;
  for (int i = 0; i < 8 && wiring_find(&lb->wiring, "ds18b20", i); i++) {
    const wiring_device_t *d = wiring_find(&lb->wiring, "ds18b20", i);
    if (wiring_int(d, "pin", -1) != wiring_int(dev, "pin", -1)) continue;
    const char *rom = wiring_str(d, "rom");
    if (rom && unhex(rom, exp.roms[exp.nroms], 8) == 8) exp.nroms++;
  }
  // No single temperature for onewire_check: each device has its own, so
  // each scratchpad is matched to its device below.
  onewire_decode_t d;
  if (onewire_decode(cap, ch, &d) != RIG_OK) {
    analysis_problem(a, "out of memory decoding the capture");
    return;
  }
  onewire_check(&d, &exp, a);
  // Temperatures per device: a scratchpad read after MATCH ROM belongs to
  // that ROM's device, whose temp_c the wiring map gives.
  figure_t *terr = analysis_find(a, "temp_error");
  for (size_t i = 0; i < d.count; i++) {
    const onewire_session_t *s = &d.s[i];
    if (s->func_cmd != 0xBE || !s->payload || s->npayload < 9 || onewire_crc8(s->payload, 9) || !s->has_rom)
      continue;
    for (int k = 0; k < 8; k++) {
      const wiring_device_t *w = wiring_find(&lb->wiring, "ds18b20", k);
      uint8_t rom[8];
      if (!w || !wiring_str(w, "rom") || unhex(wiring_str(w, "rom"), rom, 8) != 8 || memcmp(rom, s->rom, 8))
        continue;
      int bits = 9 + (s->payload[4] >> 5 & 3);
      int16_t raw = (int16_t)(s->payload[1] << 8 | s->payload[0]);
      raw = (int16_t)(raw & ~((1 << (12 - bits)) - 1));
      double t = raw / 16.0, step = 1.0 / (1 << (bits - 8)), want = wiring_number(w, "temp_c", NAN);
      if (isnan(want)) break;
      double err = fabs(t - want);
      if (terr) figure_add(terr, err);
      if (err > step + exp.tolerance_c)
        analysis_problem(a, "temperature %.4f C at %d bits from %s, the wiring map says %.4f C", t, bits,
                         wiring_str(w, "rom"), want);
    }
  }
  char line[1024], roms[900];
  if (record(records, "onewire", 0, line, sizeof line) && field(line, "roms", roms, sizeof roms)) {
    int n = 0;
    for (char *save = NULL, *tok = strtok_r(roms, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
      uint8_t rom[8];
      int known = 0;
      if (unhex(tok, rom, 8) == 8)
        for (int k = 0; k < exp.nroms; k++)
          known |= !memcmp(rom, exp.roms[k], 8);
      if (!known) analysis_problem(a, "the board's ROM search returned %s, not in the wiring map", tok);
      n++;
    }
    if (n != exp.nroms)
      analysis_problem(a, "the board's ROM search found %d devices, the wiring map has %d", n, exp.nroms);
  }
  onewire_decode_free(&d);
}

static void check_gpio(const capture_t *cap, const char *records, analysis_t *a) {
  char line[512];
  if (!record(records, "gpio", 0, line, sizeof line)) {
    analysis_problem(a, "the test printed no '@gpio' record (pin=, edges=, burst=, irq=)");
    return;
  }
  int ch = channel(cap, (long)field_num(line, "pin", -1), a);
  if (ch < 0) return;
  double want = field_num(line, "edges", -1), burst = field_num(line, "burst", -1),
         irq = field_num(line, "irq", -1);
  // At least every edge the board drove (mode changes may add some).
  figure_t *edges = analysis_figure(a, "edges", "", want, INFINITY);
  figure_add(edges, (double)cap->channels[ch].count);
  if (burst >= 0) {
    figure_t *f = analysis_figure(a, "irq_count", "", burst, burst);
    figure_add(f, irq);
  }
  analysis_note(a, "%zu edges on %s (at least %.0f driven); %.0f interrupts for a burst of %.0f edges",
                cap->channels[ch].count, cap->channels[ch].name, want, irq, burst);
  analysis_judge(a);
}

static void check_pwm(const capture_t *cap, const char *records, analysis_t *a) {
  char line[512];
  if (!record(records, "pwm", 0, line, sizeof line)) {
    analysis_problem(a, "the test printed no '@pwm' record (pin=, freq=, duty_pct=)");
    return;
  }
  int ch = channel(cap, (long)field_num(line, "pin", -1), a);
  if (ch < 0) return;
  double freq = field_num(line, "freq", 0), duty = field_num(line, "duty_pct", 0);
  // What the board measured itself, when the test says (before pwm_check,
  // which judges every figure).
  double high = field_num(line, "board_high_us", NAN), low = field_num(line, "board_low_us", NAN);
  if (!isnan(high) && !isnan(low))
    pwm_board_figures(high, low, freq, duty, PWM_FREQ_TOLERANCE_PCT, PWM_DUTY_TOLERANCE, a);
  pwm_check(cap, ch, freq, duty, PWM_FREQ_TOLERANCE_PCT, PWM_DUTY_TOLERANCE, a);
}

static void check_uart(const capture_t *cap, const char *records, analysis_t *a) {
  char line[4096], hexs[4096];
  if (!record(records, "uart", 0, line, sizeof line) || !field(line, "hex", hexs, sizeof hexs)) {
    analysis_problem(a, "the test printed no '@uart' record (pin=, baud=, hex=)");
    return;
  }
  int ch = channel(cap, (long)field_num(line, "pin", -1), a);
  if (ch < 0) return;
  uint8_t want[2048];
  int n = unhex(hexs, want, sizeof want);
  double baud = field_num(line, "baud", 115200);
  uart_decode_t d;
  if (uart_decode(cap, ch, baud, &d) != RIG_OK) {
    analysis_problem(a, "out of memory decoding the capture");
    return;
  }
  uart_check(&d, baud, UART_BAUD_TOLERANCE_PCT, want, n > 0 ? (size_t)n : 0, a);
  uart_decode_free(&d);
}

// ---- the result --------------------------------------------------------

static json_t *lines_array(const buf_t *b) {
  json_t *arr = json_array();
  const char *p = buf_str(b);
  while (*p) {
    const char *nl = strchr(p, '\n');
    size_t len = nl ? (size_t)(nl - p) : strlen(p);
    json_array_append_new(arr, json_stringn(p, len));
    p += len + (nl != NULL);
  }
  return arr;
}

static json_t *figures_array(const analysis_t *a) {
  json_t *arr = json_array();
  for (int i = 0; i < a->nfigures; i++) {
    const figure_t *f = &a->figures[i];
    json_t *o = json_pack("{s:s, s:s, s:I, s:b}", "name", f->name, "unit", f->unit, "n", (json_int_t)f->n,
                          "ok", figure_ok(f));
    if (f->n) {
      json_object_set_new(o, "min", json_real(f->min));
      json_object_set_new(o, "mean", json_real(f->mean));
      json_object_set_new(o, "max", json_real(f->max));
      json_object_set_new(o, "stdev", json_real(figure_stdev(f)));
    }
    if (!isinf(f->lo)) json_object_set_new(o, "window_min", json_real(f->lo));
    if (!isinf(f->hi)) json_object_set_new(o, "window_max", json_real(f->hi));
    json_array_append_new(arr, o);
  }
  return arr;
}

char *loopback_analyse(loopback_t *lb, const char *check, const capture_t *cap, const char *records,
                       const char *dir, const char *stem, int *ok, char *problem, size_t problemlen) {
  analysis_t a;
  analysis_init(&a, check);
  json_t *pictures = json_array(), *transactions = json_array();
  if (!strcmp(check, "ws2812"))
    check_ws2812(lb, cap, records, dir, stem, &a, pictures);
  else if (!strcmp(check, "i2c"))
    check_i2c(lb, cap, records, dir, stem, &a, pictures, transactions);
  else if (!strcmp(check, "onewire"))
    check_onewire(lb, cap, records, &a);
  else if (!strcmp(check, "gpio"))
    check_gpio(cap, records, &a);
  else if (!strcmp(check, "pwm"))
    check_pwm(cap, records, &a);
  else if (!strcmp(check, "uart"))
    check_uart(cap, records, &a);
  else
    analysis_problem(&a, "unknown loopback check '%s'", check);
  *ok = analysis_ok(&a);
  // The reason: the first three problems (each names its figure or item).
  const char *p = buf_str(&a.problems);
  problem[0] = '\0';
  for (int k = 0; k < 3 && *p; k++) {
    size_t len = strcspn(p, "\n"), used = strlen(problem);
    snprintf(problem + used, problemlen - used, "%s%.*s", k ? "; " : "", (int)len, p);
    p += len + (p[len] == '\n');
  }
  json_t *o = json_pack("{s:s, s:b, s:o, s:o, s:o}", "check", check, "ok", *ok, "figures", figures_array(&a),
                        "problems", lines_array(&a.problems), "notes", lines_array(&a.notes));
  if (json_array_size(transactions))
    json_object_set_new(o, "transactions", transactions);
  else
    json_decref(transactions);
  if (json_array_size(pictures))
    json_object_set_new(o, "pictures", pictures);
  else
    json_decref(pictures);
  char *text = o ? json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(10)) : NULL;
  json_decref(o);
  if (text && a.nproblems > 3) {
    size_t used = strlen(problem);
    snprintf(problem + used, problemlen - used, " (and %d more)", a.nproblems - 3);
  }
  analysis_free(&a);
  return text;
}

// ---- around each test ---------------------------------------------------

// The value of "# loopback: X" among the leading comment lines.
static int header_check(const char *src, size_t len, char *out, size_t cap) {
  const char *p = src, *end = src + len;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
    const char *q = p;
    while (q < p + l && (*q == ' ' || *q == '\t' || *q == '\r'))
      q++;
    if (q < p + l && *q != '#') break;
    if (q < p + l) {
      q++;
      while (q < p + l && *q == ' ')
        q++;
      if ((size_t)(p + l - q) > 9 && !strncmp(q, "loopback:", 9)) {
        q += 9;
        while (q < p + l && *q == ' ')
          q++;
        size_t n = strcspn(q, " \t\r\n");
        snprintf(out, cap, "%.*s", (int)n, q);
        return 1;
      }
    }
    p += l + 1;
  }
  return 0;
}

static void stop_child(loopback_t *lb) {
  if (lb->child <= 0) return;
  int status;
  // A command that records for a fixed time (or copies a file) ends by
  // itself; one that records until told (--continuous) is interrupted.
  int64_t grace = rig_now_ms() + COMMAND_GRACE_MS;
  int done = 0;
  while (!(done = waitpid(lb->child, &status, WNOHANG) != 0) && rig_now_ms() < grace)
    usleep(10000);
  if (!done) {
    kill(lb->child, SIGINT);
    int64_t end = rig_now_ms() + COMMAND_STOP_MS;
    while (waitpid(lb->child, &status, WNOHANG) == 0) {
      if (rig_now_ms() > end) {
        kill(lb->child, SIGKILL);
        waitpid(lb->child, &status, 0);
        break;
      }
      usleep(20000);
    }
  }
  rig_child_unregister(lb->child);
  lb->child = 0;
}

// Replaces every [from] in [in] by [to] into [out].
static void substitute(const char *in, const char *from, const char *to, char *out, size_t cap) {
  size_t used = 0, fl = strlen(from);
  out[0] = '\0';
  for (const char *p = in; *p && used + 1 < cap;) {
    if (!strncmp(p, from, fl)) {
      used += (size_t)snprintf(out + used, cap - used, "%s", to);
      p += fl;
    } else {
      out[used++] = *p++;
      out[used] = '\0';
    }
  }
}

static rig_status_t start_command(loopback_t *lb, char *why, size_t whylen) {
  char a[2048], b[2048], store[2048];
  substitute(lb->command, "{out}", lb->capture_path, a, sizeof a);
  substitute(a, "{pins}", lb->pins, b, sizeof b);
  char *argv[64];
  int argc = transport_split_args(b, store, sizeof store, argv, 63);
  if (argc <= 0) {
    snprintf(why, whylen, "capture command '%s': cannot split into words", lb->command);
    return RIG_E_USAGE;
  }
  argv[argc] = NULL;
  // Signals stay blocked across the fork until the child has its default
  // handlers back: an early SIGINT must stop the command, not run the
  // rig's handlers in the child.
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &old);
  pid_t pid = fork();
  if (pid == 0) {
    setpgid(0, 0);
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGPIPE, SIG_DFL);
    sigprocmask(SIG_SETMASK, &old, NULL);
    execvp(argv[0], argv);
    _exit(127);
  }
  int fork_errno = errno;
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  if (pid < 0) {
    snprintf(why, whylen, "capture command: fork: %s", strerror(fork_errno));
    return RIG_E_SPAWN;
  }
  rig_child_register(pid);
  lb->child = pid;
  return RIG_OK;
}

// The directory the runner's report lives in (the run directory).
static void run_dir(const loopback_t *lb, char *out, size_t cap) {
  const char *rp = lb->run ? runner_report_path(lb->run) : "";
  if (!rp[0] && lb->out_dir[0]) {
    snprintf(out, cap, "%s", lb->out_dir);
    return;
  }
  snprintf(out, cap, "%s", rp[0] ? rp : "./report.json");
  char *slash = strrchr(out, '/');
  if (slash)
    *slash = '\0';
  else
    snprintf(out, cap, ".");
  char real[PATH_MAX];
  if (realpath(out, real)) snprintf(out, cap, "%s", real);
}

static int before(void *ctx, const suite_test_t *test, const char *src, size_t srclen, buf_t *prelude,
                  char *reason, size_t reasonlen) {
  loopback_t *lb = ctx;
  lb->active = 0;
  buf_reset(&lb->records);
  if (!header_check(src, srclen, lb->check, sizeof lb->check)) return -1;
  const char *type = loopback_device_type(lb->check);
  if (!type) {
    snprintf(reason, reasonlen, "unknown '# loopback: %s' (ws2812, i2c, onewire, gpio, pwm, uart)",
             lb->check);
    return OUTCOME_INFRA;
  }
  const wiring_device_t *dev = wiring_find(&lb->wiring, type, 0);
  if (!dev) {
    char have[512] = "";
    for (int i = 0; i < lb->wiring.ndevices; i++)
      snprintf(have + strlen(have), sizeof have - strlen(have), "%s%s", i ? ", " : "",
               lb->wiring.devices[i].type);
    snprintf(reason, reasonlen, "requires a %s device in the board's wiring (it has: %s)", type,
             have[0] ? have : "nothing");
    return OUTCOME_SKIP;
  }
  if (!loopback_ready(lb)) {
    snprintf(reason, reasonlen,
             "no way to capture the pins (a vboard, or a farm board's \"capture\" command)");
    return OUTCOME_SKIP;
  }
  if (!strcmp(type, "ws2812") || !strcmp(type, "ds18b20"))
    snprintf(lb->pins, sizeof lb->pins, "%ld", wiring_int(dev, "pin", -1));
  else if (!strcmp(type, "eeprom24c32"))
    snprintf(lb->pins, sizeof lb->pins, "%ld,%ld", wiring_int(dev, "scl", -1), wiring_int(dev, "sda", -1));
  else
    snprintf(lb->pins, sizeof lb->pins, "%ld,%ld", wiring_int(dev, "a", -1), wiring_int(dev, "b", -1));
  // The prelude: one line, so tracebacks are off by one line only.
  buf_append_str(prelude, "FIXTURE = ");
  wiring_python(dev, prelude);
  buf_append_str(prelude, "; FIXTURES = [");
  for (int i = 0; wiring_find(&lb->wiring, type, i); i++) {
    if (i) buf_append_str(prelude, ", ");
    wiring_python(wiring_find(&lb->wiring, type, i), prelude);
  }
  buf_append_str(prelude, "]\n");
  // File names: capture-<board>-<id with '/' as '_'>.
  char id[256];
  snprintf(id, sizeof id, "%s", test->id);
  for (char *p = id; *p; p++)
    if (*p == '/' || *p == ' ') *p = '_';
  char *dot = strrchr(id, '.');
  if (dot && !strcmp(dot, ".py")) *dot = '\0';
  snprintf(lb->stem, sizeof lb->stem, "capture-%s-%s", lb->board, id);
  char dir[PATH_MAX];
  run_dir(lb, dir, sizeof dir);
  // The reader goes by the contents; the name only helps people.
  snprintf(lb->capture_path, sizeof lb->capture_path, "%.3000s/%.500s.%s", dir, lb->stem,
           !lb->vboard && strstr(lb->command, "csv") ? "csv" : "vcd");
  remove(lb->capture_path);
  if (lb->vboard) {
    char cmd[128], reply[256] = "";
    snprintf(cmd, sizeof cmd, "capture start %s", lb->pins);
    if (transport_vboard_control(lb->vboard, cmd, reply, sizeof reply) != RIG_OK) {
      snprintf(reason, reasonlen, "vboard '%s': %s", cmd, reply[0] ? reply : "no control socket");
      return OUTCOME_INFRA;
    }
  } else if (start_command(lb, reason, reasonlen) != RIG_OK) {
    return OUTCOME_INFRA;
  }
  lb->active = 1;
  return -1;
}

// Takes the '@' lines out of the test's stdout into lb->records.
static void filter(void *ctx, buf_t *out) {
  loopback_t *lb = ctx;
  if (!lb->active) return;
  buf_t kept;
  buf_init(&kept, out->max);
  const char *p = buf_str(out);
  size_t left = out->len;
  while (left) {
    const char *nl = memchr(p, '\n', left);
    size_t len = nl ? (size_t)(nl - p) + 1 : left;
    buf_append(p[0] == '@' ? &lb->records : &kept, p, len);
    p += len;
    left -= len;
  }
  buf_reset(out);
  buf_append(out, buf_str(&kept), kept.len);
  if (!out->data) buf_append(out, "", 0);
  buf_free(&kept);
}

static void after(void *ctx, const suite_test_t *test, report_test_t *r, char *reason, size_t reasonlen) {
  (void)test;
  loopback_t *lb = ctx;
  if (!lb->active) return;
  lb->active = 0;
  free(lb->json);
  lb->json = NULL;
  char why[512] = "";
  const char *source = lb->vboard ? "vboard" : "command";
  if (lb->vboard) {
    char cmd[PATH_MAX + 32], reply[256] = "";
    snprintf(cmd, sizeof cmd, "capture stop %s", lb->capture_path);
    if (transport_vboard_control(lb->vboard, cmd, reply, sizeof reply) != RIG_OK)
      snprintf(why, sizeof why, "vboard 'capture stop': %s", reply[0] ? reply : "no answer");
  } else {
    stop_child(lb);
  }
  // A test that did not run to its end leaves nothing worth analysing.
  if (r->outcome != OUTCOME_PASS && r->outcome != OUTCOME_FAIL) return;
  capture_t cap;
  capture_init(&cap);
  char err[512] = "";
  if (!why[0] && capture_load(&cap, lb->capture_path, err, sizeof err) != RIG_OK)
    snprintf(why, sizeof why, "capture: %.480s", err);
  char dir[PATH_MAX];
  run_dir(lb, dir, sizeof dir);
  int ok = 0;
  char problem[600] = "";
  if (why[0]) {
    // No capture: infra, not a product failure.
    size_t used = strlen(reason);
    snprintf(reason + used, reasonlen - used, "%sloopback %s: %.400s", used ? "; " : "", lb->check, why);
    r->reason = reason;
    r->outcome = OUTCOME_INFRA;
    capture_free(&cap);
    return;
  }
  char *text = loopback_analyse(lb, lb->check, &cap, buf_str(&lb->records), dir, lb->stem, &ok, problem,
                                sizeof problem);
  json_t *o = text ? json_loads(text, 0, NULL) : NULL;
  free(text);
  if (o) {
    json_t *channels = json_array();
    size_t edges = 0;
    for (int i = 0; i < cap.nchannels; i++) {
      json_array_append_new(channels, json_string(cap.channels[i].name));
      edges += cap.channels[i].count;
    }
    const char *base = strrchr(lb->capture_path, '/');
    json_object_set_new(o, "capture",
                        json_pack("{s:s, s:s, s:s, s:o, s:I, s:I}", "source", source, "file",
                                  base ? base + 1 : lb->capture_path, "format", cap.source, "channels",
                                  channels, "edges", (json_int_t)edges, "duration_ns",
                                  (json_int_t)cap.end_ns));
    json_object_set_new(o, "records", lines_array(&lb->records));
    lb->json = json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(10));
    json_decref(o);
  }
  r->loopback = lb->json;
  if (!ok) {
    if (r->outcome == OUTCOME_PASS) reason[0] = '\0';
    size_t used = strlen(reason);
    snprintf(reason + used, reasonlen - used, "%sloopback %s: %.500s", used ? "; " : "", lb->check, problem);
    r->reason = reason;
    r->outcome = OUTCOME_FAIL;
  }
  capture_free(&cap);
}

void loopback_hook(loopback_t *lb, runner_t *run, runner_hook_t *hook) {
  lb->run = run;
  *hook = (runner_hook_t){.before = before, .filter = filter, .after = after, .ctx = lb};
}
