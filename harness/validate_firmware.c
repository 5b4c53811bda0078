// SPDX-License-Identifier: MIT
// validate_firmware.c: the module card's checks that run in the firmware,
// over its raw REPL (the standard protocol only, so any MicroPython-class
// firmware is checked the same way).
//
// Order: free heap after the EN reset that leaves the ROM loader; the CPU
// frequency switch; a file written, remounted by a soft reboot and read
// back; the reset-cause sequence (power-on, soft, WDT; the EN reset came
// first) and the deep-sleep wake; N power/reset cycles that must keep the
// file; WiFi; then the brown-outs counted in every ROM boot line the
// firmware phase received. The Python sent is kept short: the heap is
// 38 KB on the chip.
#include "repl_client.h"
#include "validate_card.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FS_FILE "rigval.txt"
#define EXEC_MS 5000
#define WDT_MS 300          // the watchdog timeout the check arms
#define DEEPSLEEP_US 200000 // the deep sleep the check asks for
#define WAKE_WAIT_MS 3000   // how long a wired board may take to wake
#define WIFI_WAIT_MS 15000  // association time given up after
#define SLOW_ASSOCIATE_MS 5000
#define WEAK_RSSI_DBM (-80)

// machine.reset_cause() values (PROTOCOLS.md 6).
enum { CAUSE_PWRON = 0, CAUSE_WDT = 1, CAUSE_SOFT = 4, CAUSE_DEEPSLEEP = 5, CAUSE_HARD = 6 };

typedef enum { RESET_POWER, RESET_HARD, RESET_SOFT, RESET_WDT, RESET_DEEPSLEEP } reset_kind_t;

static const char *const reset_names[] = {"power-on", "hard-reset", "soft-reset", "wdt", "deepsleep-wake"};

#define BROWNOUT_ADVICE                                                                                      \
  "power the module from a supply that gives 500 mA at 3.3 V (not a weak USB port), with a bulk "            \
  "capacitor near the module"

typedef struct {
  flash_board_t *b;
  repl_t *r;
  FILE *console;    // every byte the firmware phase received, for the boot lines
  int power_resets; // power-on resets the rig made (each prints rst cause:1)
  card_t *c;
  json_t *card;
  const validate_opts_t *o;
  char token[40]; // the test file holds this 8 times
} session_t;

// Replaces every copy of [secret] in [text] by "***".
static void scrub(char *text, const char *secret) {
  size_t n = secret ? strlen(secret) : 0;
  if (!n) return;
  for (char *p = strstr(text, secret); p; p = strstr(p + 3, secret)) {
    memmove(p + 3, p + n, strlen(p + n) + 1);
    memcpy(p, "***", 3);
  }
}

// The last non-empty line of [data] (a traceback names its exception there).
static void last_line(const char *data, size_t len, char *out, size_t cap) {
  size_t end = len;
  while (end > 0 && (data[end - 1] == '\n' || data[end - 1] == '\r'))
    end--;
  size_t start = end;
  while (start > 0 && data[start - 1] != '\n')
    start--;
  snprintf(out, cap, "%.*s", (int)(end - start > 200 ? 200 : end - start), data + start);
}

// Runs [code]; its stdout without the final line break in [out]. RIG_OK
// when it ran to the end; RIG_E_PROTOCOL when it raised (the exception's
// line in [why]); else the link's status (RIG_E_REBOOT: the board
// restarted, RIG_E_TIMEOUT: no end in time) with a sentence in [why].
static rig_status_t run(session_t *s, const char *code, int timeout_ms, char *out, size_t outlen, char *why,
                        size_t whylen) {
  repl_result_t res;
  repl_result_init(&res);
  rig_status_t st = repl_exec(s->r, code, strlen(code), timeout_ms, &res);
  if (out && outlen) out[0] = '\0';
  why[0] = '\0';
  if (st != RIG_OK) {
    snprintf(why, whylen, "%s", repl_errmsg(s->r));
  } else if (res.err.len) {
    last_line(res.err.data, res.err.len, why, whylen);
    st = RIG_E_PROTOCOL;
  } else if (out) {
    size_t n = res.out.len;
    while (n > 0 && (res.out.data[n - 1] == '\n' || res.out.data[n - 1] == '\r'))
      n--;
    snprintf(out, outlen, "%.*s", (int)n, res.out.data ? res.out.data : "");
  }
  repl_result_free(&res);
  scrub(why, s->o->wifi_password);
  return st;
}

// Runs [code] that prints one integer into *v. 0 on success.
static int run_int(session_t *s, const char *code, long *v, char *why, size_t whylen) {
  char out[64];
  if (run(s, code, EXEC_MS, out, sizeof out, why, whylen) != RIG_OK) return -1;
  if (sscanf(out, "%ld", v) == 1) return 0;
  snprintf(why, whylen, "unexpected output '%.40s'", out);
  return -1;
}

// Back to the raw REPL prompt after a reset (boot text goes to the console log).
static rig_status_t reenter(session_t *s, char *why, size_t whylen) {
  rig_status_t st = repl_enter(s->r);
  if (st != RIG_OK) snprintf(why, whylen, "no raw REPL after the reset: %s", repl_errmsg(s->r));
  return st;
}

// The board's own lines or vboard's control socket: an EN reset into the
// firmware, or a power-on reset (vboard only).
static rig_status_t reset_from_outside(session_t *s, reset_kind_t kind, char *why, size_t whylen) {
  if (kind == RESET_POWER) {
    if (s->b->kind != FB_VBOARD) {
      snprintf(why, whylen, "this target has no power control");
      return RIG_E_UNSUPPORTED;
    }
    char reply[128];
    rig_status_t st = transport_vboard_control(s->b->t, "reset power", reply, sizeof reply);
    if (st != RIG_OK) {
      snprintf(why, whylen, "vboard control 'reset power': %s", transport_errmsg(s->b->t));
      return st;
    }
    s->power_resets++;
  } else {
    rig_status_t st = flash_board_run_firmware(s->b, why, whylen);
    if (st == RIG_E_UNSUPPORTED) snprintf(why, whylen, "this target has no reset line");
    if (st != RIG_OK) return st;
  }
  return reenter(s, why, whylen);
}

// Resets the board the [kind] way and comes back to the raw REPL prompt.
// RIG_E_UNSUPPORTED: this target cannot; RIG_E_TIMEOUT: the firmware
// never reset (the board was then reset through its EN line).
static rig_status_t reset_board(session_t *s, reset_kind_t kind, char *why, size_t whylen) {
  const char *code = NULL;
  int wait = EXEC_MS;
  char text[96];
  switch (kind) {
  case RESET_POWER:
  case RESET_HARD: return reset_from_outside(s, kind, why, whylen);
  case RESET_SOFT: code = "import machine\nmachine.reset()\n"; break;
  case RESET_WDT:
    snprintf(text, sizeof text, "from machine import WDT\nWDT(timeout=%d)\nwhile 1:pass\n", WDT_MS);
    code = text;
    break;
  case RESET_DEEPSLEEP:
    snprintf(text, sizeof text, "import esp\nesp.deepsleep(%d)\n", DEEPSLEEP_US);
    code = text;
    wait = WAKE_WAIT_MS;
    break;
  }
  rig_status_t st = run(s, code, wait, NULL, 0, why, whylen);
  if (st == RIG_E_REBOOT) return reenter(s, why, whylen);
  // Still running (a WDT never fed) or asleep for good: only EN ends it.
  char ignored[256];
  if (st == RIG_OK || st == RIG_E_PROTOCOL || st == RIG_E_TIMEOUT) {
    if (st == RIG_E_TIMEOUT) snprintf(why, whylen, "no reset within %d ms", wait);
    if (st == RIG_OK) snprintf(why, whylen, "the code returned instead of resetting the board");
    reset_from_outside(s, RESET_HARD, ignored, sizeof ignored);
    return RIG_E_TIMEOUT;
  }
  return st;
}

static void heap_item(session_t *s) {
  long heap = 0;
  char why[256];
  if (run_int(s, "import gc\ngc.collect()\nprint(gc.mem_free())\n", &heap, why, sizeof why) == 0) {
    json_object_set_new(s->card, "free_heap_bytes", json_integer(heap));
    card_item(s->c, "heap", heap >= 8192 ? "pass" : "warn",
              heap >= 8192 ? NULL : "less than 8 KB free: trim boot.py/main.py", "%ld bytes free after boot",
              heap);
  } else {
    card_item(s->c, "heap", "fail", "check that the firmware has the gc module", "gc.mem_free() failed: %s",
              why);
  }
}

// 80 -> 160 -> 80 MHz, each read back with machine.freq().
static void freq_item(session_t *s) {
  char out[96], why[256];
  long a, b, c;
  rig_status_t st = run(s,
                        "import machine\nf=machine.freq\na=f()\nf(160000000)\nb=f()\nf(80000000)\n"
                        "print(a,b,f())\n",
                        EXEC_MS, out, sizeof out, why, sizeof why);
  if (st == RIG_OK && sscanf(out, "%ld %ld %ld", &a, &b, &c) != 3) {
    snprintf(why, sizeof why, "unexpected output '%.40s'", out);
    st = RIG_E_PROTOCOL;
  }
  if (st != RIG_OK) {
    card_item(s->c, "cpu-freq", "fail", "check that machine.freq() takes 80000000 and 160000000",
              "the frequency switch failed: %s", why);
    return;
  }
  json_object_set_new(s->card, "cpu_freq_mhz",
                      json_pack("[i, i, i]", (int)(a / 1000000), (int)(b / 1000000), (int)(c / 1000000)));
  if (b == 160000000 && c == 80000000)
    card_item(s->c, "cpu-freq", "pass", NULL, "%ld -> 160 -> 80 MHz, each read back", a / 1000000);
  else
    card_item(s->c, "cpu-freq", "fail", "the firmware does not switch the CPU clock: check machine.freq()",
              "asked for 160 then 80 MHz, read back %ld and %ld MHz", b / 1000000, c / 1000000);
}

// Where the console log ends now (-1 without one).
static long console_mark(session_t *s) {
  if (!s->console) return -1;
  fflush(s->console);
  fseek(s->console, 0, SEEK_END);
  return ftell(s->console);
}

// Whether a power-on boot line (rst cause:1) came after [mark].
static int power_on_since(session_t *s, long mark) {
  char line[512];
  int seen = 0;
  if (!s->console || mark < 0) return 0;
  fflush(s->console);
  fseek(s->console, mark, SEEK_SET);
  while (!seen && fgets(line, sizeof line, s->console))
    seen = strstr(line, "rst cause:1,") != NULL;
  fseek(s->console, 0, SEEK_END);
  return seen;
}

// Reads the test file back; 1 when it holds what was written.
static int file_intact(session_t *s, char *why, size_t whylen) {
  char code[96], out[400], want[400] = "";
  snprintf(code, sizeof code, "print(open('%s').read())\n", FS_FILE);
  if (run(s, code, EXEC_MS, out, sizeof out, why, whylen) != RIG_OK) return 0;
  for (int i = 0; i < 8; i++)
    strcat(want, s->token);
  if (!strcmp(out, want)) return 1;
  snprintf(why, whylen, "it reads back %zu bytes that differ from the %zu written", strlen(out),
           strlen(want));
  return 0;
}

// Create, write, remount (soft reboot), read back. Returns 1 when the file
// is there for the cycles.
static int filesystem_item(session_t *s) {
  char code[256], out[400], why[256];
  json_t *fs = json_object();
  json_object_set_new(s->card, "filesystem", fs);
  json_object_set_new(fs, "file", json_string(FS_FILE));
  snprintf(code, sizeof code, "f=open('%s','w')\nf.write('%s'*8)\nf.close()\nprint(len(open('%s').read()))\n",
           FS_FILE, s->token, FS_FILE);
  long mark = console_mark(s);
  rig_status_t st = run(s, code, EXEC_MS, out, sizeof out, why, sizeof why);
  if (st == RIG_E_PROTOCOL && (strstr(why, "Errno 19") || strstr(why, "ENODEV"))) {
    // The firmware says why it has none; only a module too small for one is fine.
    const char *reason = strstr(why, "] ") ? strstr(why, "] ") + 2 : why;
    json_object_set_new(fs, "mounted", json_false());
    json_object_set_new(fs, "reason", json_string(reason));
    if (s->o->real_flash && s->o->real_flash >= (1u << 20))
      card_item(s->c, "filesystem", "fail",
                "a module with room for a filesystem has none: if the image header's size is wrong, reflash "
                "with --flash-size detect; else format it afresh with rig flash --erase-all",
                "no filesystem (ENODEV: %s) although the chip holds %u KB", reason, s->o->real_flash >> 10);
    else
      card_item(s->c, "filesystem", "skip", "use a module with 1 MB of flash or more to keep files",
                "no filesystem on this module (ENODEV: %s)", reason);
    return 0;
  }
  if (st != RIG_OK) {
    // Reset under the write: the rest of its boot line says whether it was a power-on.
    char ignored[256];
    if (st == RIG_E_REBOOT) reenter(s, ignored, sizeof ignored);
    int brownout = st == RIG_E_REBOOT && power_on_since(s, mark);
    card_item(s->c, "filesystem", "fail",
              brownout ? BROWNOUT_ADVICE : "check the filesystem: rig flash --erase-all formats it afresh",
              "%s while creating %s: %s", brownout ? "a brown-out reset the board" : "the write failed",
              FS_FILE, brownout ? "power-on reset (rst cause:1)" : why);
    return 0;
  }
  json_object_set_new(fs, "mounted", json_true());
  st = repl_soft_reset(s->r, 10000);
  if (st != RIG_OK) {
    card_item(s->c, "filesystem", "fail", "check that the firmware soft-reboots on Ctrl-D",
              "no soft reboot to remount: %s", repl_errmsg(s->r));
    reenter(s, why, sizeof why);
    return 0;
  }
  if (!file_intact(s, why, sizeof why)) {
    card_item(s->c, "filesystem", "fail",
              "the filesystem lost a closed file: reformat (rig flash --erase-all)",
              "%s after the soft reboot: %s", FS_FILE, why);
    return 0;
  }
  card_item(s->c, "filesystem", "pass", NULL, "created %s (%zu bytes), remounted by a soft reboot, read back",
            FS_FILE, 8 * strlen(s->token));
  return 1;
}

// One reset of the sequence, recorded in [list] as {event, expected, seen,
// status}. Returns 1 when it went as expected, 0 when not, -1 when skipped.
static int reset_step(session_t *s, json_t *list, reset_kind_t kind, int expected, int already, char *why,
                      size_t whylen) {
  long seen = already;
  rig_status_t st = already >= 0 ? RIG_OK : reset_board(s, kind, why, whylen);
  if (st == RIG_OK && already < 0 &&
      run_int(s, "import machine\nprint(machine.reset_cause())\n", &seen, why, whylen) != 0)
    st = RIG_E_PROTOCOL;
  const char *status = st == RIG_E_UNSUPPORTED ? "skip" : st == RIG_OK && seen == expected ? "pass" : "fail";
  json_t *e =
      json_pack("{s:s, s:i, s:s}", "event", reset_names[kind], "expected", expected, "status", status);
  json_object_set_new(e, "seen", st == RIG_OK ? json_integer(seen) : json_null());
  if (st != RIG_OK && why[0]) json_object_set_new(e, "note", json_string(why));
  json_array_append_new(list, e);
  if (st == RIG_OK && seen != expected)
    snprintf(why, whylen, "after the %s machine.reset_cause() is %ld, expected %d", reset_names[kind], seen,
             expected);
  return st == RIG_E_UNSUPPORTED ? -1 : st == RIG_OK && seen == expected;
}

static void reset_items(session_t *s, long first_cause) {
  json_t *list = json_array();
  json_object_set_new(s->card, "reset_causes", list);
  char why[256], bad[512] = "", skipped[128] = "";
  int ok = 0;
  static const struct {
    reset_kind_t kind;
    int expected;
  } steps[] = {
      {RESET_HARD, CAUSE_HARD}, {RESET_POWER, CAUSE_PWRON}, {RESET_SOFT, CAUSE_SOFT}, {RESET_WDT, CAUSE_WDT}};
  for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
    why[0] = '\0';
    int r = reset_step(s, list, steps[i].kind, steps[i].expected, i == 0 ? (int)first_cause : -1, why,
                       sizeof why);
    if (r > 0) ok++;
    if (r < 0)
      snprintf(skipped + strlen(skipped), sizeof skipped - strlen(skipped), "; %s skipped: %.100s",
               reset_names[steps[i].kind], why);
    if (!r)
      snprintf(bad + strlen(bad), sizeof bad - strlen(bad), "%s%s: %s", bad[0] ? "; " : "",
               reset_names[steps[i].kind], why);
  }
  if (bad[0])
    card_item(s->c, "reset-cause", "fail",
              "machine.reset_cause() must tell the resets apart (PWRON 0, WDT 1, SOFT 4, HARD 6): check the "
              "firmware's reset handling and the EN wiring",
              "%s", bad);
  else
    card_item(s->c, "reset-cause", "pass", NULL, "%d resets, each cause as expected%s", ok, skipped);
  // Deep sleep ends only through GPIO16's pulse on RST.
  if (!s->o->deepsleep_wired) {
    json_array_append_new(list, json_pack("{s:s, s:i, s:n, s:s, s:s}", "event", "deepsleep-wake", "expected",
                                          CAUSE_DEEPSLEEP, "seen", "status", "skip", "note",
                                          "GPIO16 not wired to RST"));
    card_item(s->c, "deepsleep-wake", "skip", "wire GPIO16 to RST and give --deepsleep-wired to check it",
              "GPIO16 is not wired to RST here: a deep sleep would never end");
    return;
  }
  why[0] = '\0';
  int r = reset_step(s, list, RESET_DEEPSLEEP, CAUSE_DEEPSLEEP, -1, why, sizeof why);
  if (r > 0)
    card_item(s->c, "deepsleep-wake", "pass", NULL, "woke from a %d ms deep sleep with DEEPSLEEP_RESET (5)",
              DEEPSLEEP_US / 1000);
  else
    card_item(s->c, "deepsleep-wake", "fail",
              "check the wire from GPIO16 to RST (some boards need a 470 ohm resistor or a Schottky diode); "
              "without it leave out --deepsleep-wired",
              "%s a %d ms deep sleep: %s", strstr(why, "no reset") ? "no wake from" : "after",
              DEEPSLEEP_US / 1000, why);
}

// N power/reset cycles (power-on and EN alternately where both exist); the
// file must read back after each.
static void cycles_item(session_t *s, int have_file) {
  int n = s->o->cycles, kept = 0;
  char why[256] = "", what[320] = "";
  if (!n) {
    card_item(s->c, "power-cycles", "skip", NULL, "--cycles 0");
    return;
  }
  for (int i = 0; i < n; i++) {
    reset_kind_t kind = s->b->kind == FB_VBOARD && i % 2 == 0 ? RESET_POWER : RESET_HARD;
    rig_status_t st = reset_board(s, kind, why, sizeof why);
    if (st == RIG_E_UNSUPPORTED) {
      card_item(s->c, "power-cycles", "skip", "run rig validate on a target with reset lines (DTR/RTS)", "%s",
                why);
      return;
    }
    long one = 0;
    int good = st == RIG_OK && (have_file ? file_intact(s, why, sizeof why)
                                          : run_int(s, "print(1)\n", &one, why, sizeof why) == 0);
    if (!good && !what[0]) snprintf(what, sizeof what, "cycle %d (%s): %s", i + 1, reset_names[kind], why);
    kept += good;
  }
  json_object_set_new(s->card, "power_cycles",
                      json_pack("{s:i, s:i, s:b}", "cycles", n, "intact", kept, "file_checked", have_file));
  if (kept == n)
    card_item(s->c, "power-cycles", "pass", NULL, "%d power/reset cycles, %s", n,
              have_file ? FS_FILE " intact after each"
                        : "the firmware came back each time (no file to check)");
  else
    card_item(s->c, "power-cycles", "fail",
              have_file
                  ? "the filesystem does not survive resets: check the supply (brown-outs) and the flash "
                    "chip, then reformat with rig flash --erase-all"
                  : "the board does not come back from a reset: check EN and the supply",
              "%d of %d cycles bad; first %s", n - kept, n, what);
}

// [text] as a Python string literal: letters, digits and a few marks as
// they are, everything else as \xNN (the literal prints nothing secret
// in a traceback, which shows no source on the raw REPL anyway).
static void py_quote(const char *text, char *out, size_t cap) {
  size_t o = 0;
  out[o++] = '\'';
  for (const unsigned char *p = (const unsigned char *)text; *p && o + 6 < cap; p++) {
    if ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '-' ||
        *p == '_' || *p == '.' || *p == ' ')
      out[o++] = (char)*p;
    else
      o += (size_t)snprintf(out + o, cap - o, "\\x%02x", *p);
  }
  out[o++] = '\'';
  out[o] = '\0';
}

static void wifi_item(session_t *s) {
  const char *ssid = s->o->wifi_ssid;
  if (!ssid) {
    card_item(s->c, "wifi", "skip", "give --wifi SSID (password in $RIG_WIFI_PASSWORD) to check WiFi",
              "no --wifi SSID given");
    return;
  }
  char qs[140], qp[280], code[700], out[96], why[256];
  py_quote(ssid, qs, sizeof qs);
  py_quote(s->o->wifi_password ? s->o->wifi_password : "", qp, sizeof qp);
  snprintf(code, sizeof code,
           "import network,time\nw=network.WLAN(0)\nw.active(1)\nt=time.ticks_ms()\nw.connect(%s,%s)\n"
           "while w.status()==1 and time.ticks_diff(time.ticks_ms(),t)<%d:time.sleep_ms(20)\n"
           "s=w.status()\nd=time.ticks_diff(time.ticks_ms(),t)\nprint(s,d,w.status('rssi') if s==5 else 0)\n"
           "w.disconnect()\n",
           qs, qp, WIFI_WAIT_MS);
  rig_status_t st = run(s, code, WIFI_WAIT_MS + EXEC_MS, out, sizeof out, why, sizeof why);
  memset(code, 0, sizeof code); // the password leaves no copy behind
  memset(qp, 0, sizeof qp);
  long stat = 0, ms = 0, rssi = 0;
  if (st == RIG_E_PROTOCOL && (strstr(why, "ImportError") || strstr(why, "no module"))) {
    card_item(s->c, "wifi", "skip", NULL, "the firmware has no network module (%s)", why);
    return;
  }
  if (st == RIG_E_PROTOCOL && (strstr(why, "Errno 19") || strstr(why, "ENODEV"))) {
    card_item(s->c, "wifi", "skip", NULL, "the firmware has no WiFi on this board (%s)", why);
    return;
  }
  if (st == RIG_OK && sscanf(out, "%ld %ld %ld", &stat, &ms, &rssi) != 3) {
    snprintf(why, sizeof why, "unexpected output '%.40s'", out);
    st = RIG_E_PROTOCOL;
  }
  if (st != RIG_OK) {
    if (st == RIG_E_TIMEOUT) repl_interrupt(s->r, why + strlen(why), sizeof why - strlen(why));
    card_item(s->c, "wifi", "fail",
              strstr(why, "MemoryError") || strstr(why, "LookupError")
                  ? "the network module does not fit in the free heap: trim boot.py or the firmware"
                  : "check that the firmware's network.WLAN works",
              "joining '%s' failed: %s", ssid, why);
    return;
  }
  json_t *w = json_pack("{s:s, s:i}", "ssid", ssid, "status", (int)stat);
  json_object_set_new(s->card, "wifi", w);
  if (stat != 5) {
    static const char *const advice[] = {
        [1] = "the access point never answered: check that it is up and in range",
        [2] = "wrong password: check $RIG_WIFI_PASSWORD",
        [3] = "no such network in range: check the SSID and the antenna",
        [4] = "the association failed: check the access point's client limit and MAC filter, then try again",
    };
    card_item(s->c, "wifi", "fail", stat >= 1 && stat <= 4 ? advice[stat] : "check the access point",
              "'%s' not joined: WLAN status %ld after %ld ms", ssid, stat, ms);
    return;
  }
  json_object_set_new(w, "associate_ms", json_integer(ms));
  json_object_set_new(w, "rssi_dbm", json_integer(rssi));
  int weak = rssi<WEAK_RSSI_DBM, slow = ms> SLOW_ASSOCIATE_MS;
  card_item(s->c, "wifi", weak || slow ? "warn" : "pass",
            weak   ? "weak signal: move the module nearer the access point or check its antenna"
            : slow ? "slow association: check the access point's load and channel"
                   : NULL,
            "joined '%s' in %ld ms, RSSI %ld dBm", ssid, ms, rssi);
}

// Brown-outs: ROM boot lines with rst cause 1 (power-on) beyond the
// power-on resets the rig made, or naming a brown-out outright.
static void brownout_item(session_t *s) {
  long lines = 0, power_on = 0, named = 0;
  char line[512];
  if (s->console) {
    rewind(s->console);
    while (fgets(line, sizeof line, s->console)) {
      char *at = strstr(line, "rst cause:");
      if (!at) continue;
      lines++;
      power_on += !strncmp(at, "rst cause:1,", 12);
      named += strstr(line, "brown-out") || strstr(line, "brownout");
    }
  }
  long unexplained = power_on - s->power_resets;
  long count = (named > unexplained ? named : unexplained) + s->o->rom_brownouts;
  if (count < 0) count = 0;
  json_object_set_new(s->card, "brownouts", json_integer(count));
  json_object_set_new(s->card, "boot_lines", json_integer(lines));
  if (count)
    card_item(s->c, "brownout", "fail", BROWNOUT_ADVICE,
              "%ld brown-out%s: power-on resets (rst cause:1) the rig did not make, in %ld ROM boot lines",
              count, count == 1 ? "" : "s", lines);
  else
    card_item(s->c, "brownout", "pass", NULL,
              "none in %ld ROM boot lines (%d power-on resets, all the rig's)", lines, s->power_resets);
}

void validate_firmware_items(flash_board_t *b, card_t *c, json_t *card, const validate_opts_t *o) {
  char err[512] = "", why[256];
  session_t s = {.b = b, .c = c, .card = card, .o = o};
  rig_status_t st = flash_board_run_firmware(b, err, sizeof err);
  if (st == RIG_E_UNSUPPORTED) {
    card_item(c, "heap", "skip", "reset the board into its firmware and run rig validate on a REPL target",
              "this target cannot be reset into its firmware");
    return;
  }
  s.r = st == RIG_OK ? repl_new(b->t) : NULL;
  s.console = tmpfile();
  if (s.r && s.console) repl_set_transcript(s.r, s.console);
  if (!s.r || repl_enter(s.r) != RIG_OK) {
    card_item(c, "heap", "fail", "flash a MicroPython-compatible firmware (rig flash) and check it boots",
              "no raw REPL after the flash boot%s%s", err[0] ? ": " : "", err);
    repl_free(s.r);
    if (s.console) fclose(s.console);
    return;
  }
  snprintf(s.token, sizeof s.token, "rig-validate-%08x.", (unsigned)(rig_now_ms() * 2654435761u));
  heap_item(&s);
  long cause = -1;
  if (run_int(&s, "import machine\nprint(machine.reset_cause())\n", &cause, why, sizeof why) != 0) {
    card_item(c, "reset-cause", "skip", NULL, "the firmware reports no reset cause (%s)", why);
  }
  freq_item(&s);
  int have_file = filesystem_item(&s);
  if (cause >= 0) reset_items(&s, cause);
  cycles_item(&s, have_file);
  wifi_item(&s);
  if (have_file) { // leave the filesystem as it was found
    char code[64];
    snprintf(code, sizeof code, "import os\nos.remove('%s')\n", FS_FILE);
    run(&s, code, EXEC_MS, NULL, 0, why, sizeof why);
  }
  brownout_item(&s);
  repl_free(s.r);
  fclose(s.console);
}
