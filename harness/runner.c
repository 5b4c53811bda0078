// SPDX-License-Identifier: MIT
// runner.c: the test loop of `rig run` (see runner.h).
//
// The board is "up" once the raw REPL answered. Whatever a test does
// (time out, reboot the board, drop the connection), the runner tries to
// bring the board back to the raw REPL prompt before the next test; when
// that fails the board is "down" and every remaining test is `infra` at
// once, with the reason, instead of waiting for timeouts again.
#include "runner.h"

#include "crash.h"
#include "host_peers.h"
#include "diff.h"
#include "repl_client.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TEST_SOURCE_MAX (512 * 1024)
#define TEST_EXP_MAX (1024 * 1024)

struct runner {
  transport_t *t;
  repl_t *repl;
  report_t *rep;
  FILE *transcript;
  FILE *out;
  int progress;
  int timeout_ms;
  int enter_ms, enter_attempts;
  char target[1024];
  char board[128];
  char report_dir[PATH_MAX];
  char caps[2048];
  int board_up;
  int reset_failures; // soft resets in a row that failed while the board recovered
  char down_reason[1024];
  char err[PATH_MAX + 256];
  // Farm and nightly features.
  int shared;            // 1: rep belongs to the farm
  int board_index;       // in the report's "boards"
  char board_label[128]; // the farm's name for the board ("" single-board runs)
  int inactivity_ms;
  int repeat;
  int lost_after;
  int bad_in_row; // tests in a row ending in timeout or crash
  int lost, refused, unreachable;
  char expect_fw[256];
  runner_reset_fn reset_fn;
  void *reset_ctx;
  runner_result_fn result_fn;
  void *result_ctx;
  report_health_t health;
  char lost_reason[1024];
  char tail[REPL_TAIL_MAX]; // console tail of the current crash (per runner: workers run in parallel)
  char crash_boot_mode[16];
  char crash_exception[CRASH_TEXT_MAX];
  int cur_inactivity_ms;
  int link_check;      // 1 (default): check the link after each result that is not a pass
  runner_hook_t hook;  // loopback checks around each test (all NULL: none)
  host_peers_t *peers; // "# host:" peers, made on first use
  char host_ip[64], board_ip[64];
};

runner_t *runner_new(void) {
  runner_t *run = calloc(1, sizeof *run);
  if (!run) return NULL;
  run->timeout_ms = RUNNER_DEFAULT_TIMEOUT_MS;
  run->enter_ms = 5000;
  run->enter_attempts = 3;
  run->repeat = 1;
  run->link_check = 1;
  run->lost_after = RUNNER_LOST_AFTER;
  snprintf(run->board, sizeof run->board, "board");
  snprintf(run->report_dir, sizeof run->report_dir, "reports/runs");
  return run;
}

void runner_free(runner_t *run) {
  if (!run) return;
  repl_free(run->repl);
  host_peers_free(run->peers);
  if (!run->shared) report_free(run->rep);
  if (run->transcript) fclose(run->transcript);
  free(run);
}

void runner_set_peer_addresses(runner_t *run, const char *host_ip, const char *board_ip) {
  snprintf(run->host_ip, sizeof run->host_ip, "%s", host_ip ? host_ip : "");
  snprintf(run->board_ip, sizeof run->board_ip, "%s", board_ip ? board_ip : "");
}

void runner_set_transport(runner_t *run, transport_t *t) {
  run->t = t;
}
void runner_set_target_label(runner_t *run, const char *label) {
  snprintf(run->target, sizeof run->target, "%s", label);
}
void runner_set_board_name(runner_t *run, const char *name) {
  // Only characters that are safe in a file name.
  size_t n = 0;
  for (const char *p = name; *p && n + 1 < sizeof run->board; p++) {
    char c = *p;
    int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
             c == '-' || c == '_';
    run->board[n++] = ok ? c : '_';
  }
  run->board[n] = '\0';
  if (!n) snprintf(run->board, sizeof run->board, "board");
}
void runner_set_report_dir(runner_t *run, const char *dir) {
  snprintf(run->report_dir, sizeof run->report_dir, "%s", dir);
}
void runner_set_timeout(runner_t *run, int ms) {
  run->timeout_ms = ms > 0 ? ms : RUNNER_DEFAULT_TIMEOUT_MS;
}
void runner_set_enter_timeout(runner_t *run, int ms, int attempts) {
  run->enter_ms = ms;
  run->enter_attempts = attempts;
}
void runner_set_capabilities(runner_t *run, const char *list) {
  snprintf(run->caps, sizeof run->caps, "%s", list);
}
void runner_add_capabilities(runner_t *run, const char *list) {
  if (!list || !list[0]) return;
  size_t used = strlen(run->caps);
  snprintf(run->caps + used, sizeof run->caps - used, "%s%s", used ? ", " : "", list);
}
void runner_set_output(runner_t *run, FILE *out, int progress) {
  run->out = out;
  run->progress = progress;
}
void runner_set_link_check(runner_t *run, int on) {
  run->link_check = on != 0;
}
void runner_set_inactivity(runner_t *run, int ms) {
  run->inactivity_ms = ms > 0 ? ms : 0;
}
void runner_set_repeat(runner_t *run, int n) {
  run->repeat = n > 0 ? n : 1;
}
void runner_set_lost_after(runner_t *run, int n) {
  run->lost_after = n > 0 ? n : 0;
}
void runner_set_expect_firmware(runner_t *run, const char *spec) {
  snprintf(run->expect_fw, sizeof run->expect_fw, "%s", spec ? spec : "");
}
void runner_set_resetter(runner_t *run, runner_reset_fn fn, void *ctx) {
  run->reset_fn = fn;
  run->reset_ctx = ctx;
}
void runner_set_shared_report(runner_t *run, report_t *rep, int index, const char *name) {
  run->rep = rep;
  run->shared = 1;
  run->board_index = index;
  snprintf(run->board_label, sizeof run->board_label, "%s", name);
  runner_set_board_name(run, name);
}
void runner_set_hook(runner_t *run, const runner_hook_t *hook) {
  if (hook)
    run->hook = *hook;
  else
    memset(&run->hook, 0, sizeof run->hook);
}
void runner_set_result_callback(runner_t *run, runner_result_fn fn, void *ctx) {
  run->result_fn = fn;
  run->result_ctx = ctx;
}
void runner_health(const runner_t *run, report_health_t *h) {
  *h = run->health;
  h->lost = run->lost;
  h->lost_reason = run->lost ? run->lost_reason : NULL;
  h->state = run->refused ? "refused" : run->unreachable ? "unreachable" : run->lost ? "lost" : "done";
}
const char *runner_report_path(const runner_t *run) {
  return run->rep ? report_path(run->rep) : "";
}
const char *runner_errmsg(const runner_t *run) {
  return run->err;
}

void runner_normalise(const char *s, size_t len, buf_t *b) {
  buf_reset(b);
  size_t start = 0;
  for (size_t i = 0; i + 1 < len; i++)
    if (s[i] == '\r' && s[i + 1] == '\n') {
      buf_append(b, s + start, i - start);
      start = i + 1;
    }
  buf_append(b, s + start, len - start);
  if (!b->data) buf_append(b, "", 0);
}

int runner_output_matches(const char *out, size_t outlen, const char *exp, size_t explen) {
  buf_t a, b;
  buf_init(&a, (size_t)-1);
  buf_init(&b, (size_t)-1);
  runner_normalise(out, outlen, &a);
  runner_normalise(exp, explen, &b);
  int same = a.len == b.len && !memcmp(buf_str(&a), buf_str(&b), a.len);
  buf_free(&a);
  buf_free(&b);
  return same;
}

static void board_down(runner_t *run, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void board_down(runner_t *run, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(run->down_reason, sizeof run->down_reason, fmt, ap);
  va_end(ap);
  run->board_up = 0;
}

// Brings the board back to the raw REPL prompt after something went
// wrong; reconnects first when [reconnect] (and again, a few times, when
// the fresh connection drops at once: a TCP console server may not have
// noticed the old client leave yet). Marks the board down on failure.
static rig_status_t recover(runner_t *run, int reconnect) {
  rig_status_t st = RIG_E_CLOSED;
  for (int attempt = 0; attempt < 4 && st == RIG_E_CLOSED; attempt++) {
    if (reconnect || attempt > 0) {
      if (attempt > 1) rig_sleep_ms(300);
      st = transport_reopen(run->t);
      if (st == RIG_E_INTERRUPTED) return st;
      if (st != RIG_OK) {
        board_down(run, "board unreachable: reconnect failed: %s", transport_errmsg(run->t));
        return st;
      }
    }
    st = repl_enter(run->repl);
  }
  if (st != RIG_OK && st != RIG_E_INTERRUPTED)
    board_down(run, "board unreachable: could not enter the raw REPL again: %s", repl_errmsg(run->repl));
  return st;
}

// A line in the transcript saying what the rig did (kept across resets).
static void transcript_note(runner_t *run, const char *what) {
  if (!run->transcript) return;
  fprintf(run->transcript, "\r\n[rig: %s]\r\n", what);
  fflush(run->transcript);
}

static void mark_lost(runner_t *run, const char *why) {
  run->lost = 1;
  run->board_up = 0;
  snprintf(run->lost_reason, sizeof run->lost_reason, "%.900s", why);
  snprintf(run->down_reason, sizeof run->down_reason, "board lost: %.1000s", why);
  transcript_note(run, run->down_reason);
}

// The rungs past Ctrl-C and soft reset for a board that could not be
// brought back: hard reset, then power cycle, each followed by a fresh
// connection and raw REPL entry. On failure the board is lost.
static void ladder(runner_t *run) {
  if (run->lost || run->refused || rig_stop_requested()) return;
  char why[1100];
  snprintf(why, sizeof why, "%s", run->down_reason);
  for (int power = 0; power < 2 && run->reset_fn; power++) {
    char msg[512] = "";
    rig_status_t st = run->reset_fn(run->reset_ctx, run->t, power, msg, sizeof msg);
    if (st == RIG_E_UNSUPPORTED) continue;
    if (power)
      run->health.power_cycles++;
    else
      run->health.hard_resets++;
    char note[700];
    snprintf(note, sizeof note, "%s: %s", power ? "power cycle" : "hard reset",
             msg[0] ? msg : rig_strerror(st));
    transcript_note(run, note);
    if (st == RIG_E_INTERRUPTED) return;
    if (st != RIG_OK) continue;
    rig_sleep_ms(100);
    st = recover(run, 1);
    if (st == RIG_OK) {
      run->board_up = 1;
      run->health.recoveries++;
      return;
    }
  }
  if (!rig_stop_requested()) mark_lost(run, why);
}

// Whether the board's identity matches --expect-firmware
// NAME[:RELEASE[:BUILD]] (a release given with or without its 'v').
static int firmware_matches(const char *spec, const char *name, const char *release, const char *build) {
  char want[256];
  snprintf(want, sizeof want, "%s", spec);
  char *parts[3] = {want, NULL, NULL};
  for (int i = 1; i < 3; i++) {
    char *c = parts[i - 1] ? strchr(parts[i - 1], ':') : NULL;
    if (c) *c = '\0', parts[i] = c + 1;
  }
  if (parts[0][0] && (!name || strcmp(parts[0], name))) return 0;
  if (parts[1] && parts[1][0]) {
    const char *r = release ? release : "";
    const char *a = parts[1][0] == 'v' ? parts[1] + 1 : parts[1];
    const char *b = r[0] == 'v' ? r + 1 : r;
    if (strcmp(a, b)) return 0;
  }
  if (parts[2] && parts[2][0] && (!build || strcmp(parts[2], build))) return 0;
  return 1;
}

// The link check: after a test that did not pass, a known piece of code
// (about 1.5 KB, the size of a typical test) must come back exactly. A
// link that drops or corrupts bytes (a flaky USB adapter, a noisy line)
// fails it with a high probability (twice as much, two checks), and the test's result is then not
// trusted: it becomes infra instead of a product failure.
#define LINK_CHECK_LEN 1500
static int link_ok(runner_t *run, char *what, size_t whatlen) {
  static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  char lit[LINK_CHECK_LEN + 1];
  for (int i = 0; i < LINK_CHECK_LEN; i++)
    lit[i] = alphabet[(i * 7 + i / 36) % 36];
  lit[LINK_CHECK_LEN] = '\0';
  buf_t code, want;
  buf_init(&code, 4096);
  buf_init(&want, 4096);
  buf_printf(&code, "s='%s'\nprint(len(s),s[::50])\n", lit);
  buf_printf(&want, "%d ", LINK_CHECK_LEN);
  for (int i = 0; i < LINK_CHECK_LEN; i += 50)
    buf_append(&want, &lit[i], 1);
  buf_append_str(&want, "\r\n");
  repl_result_t res;
  repl_result_init(&res);
  repl_discard_pending(run->repl);
  repl_set_inactivity(run->repl, 0);
  rig_status_t st = repl_exec(run->repl, buf_str(&code), code.len, 5000, &res);
  int ok = st == RIG_OK && res.err.len == 0 && res.out.len == want.len &&
           !memcmp(buf_str(&res.out), buf_str(&want), want.len);
  if (!ok) {
    if (st == RIG_OK)
      snprintf(what, whatlen, "the link check came back wrong (%zu bytes instead of %zu%s)", res.out.len,
               want.len, res.err.len ? ", with an exception" : "");
    else
      snprintf(what, whatlen, "the link check failed: %s", repl_errmsg(run->repl));
    transcript_note(run, what);
    char w2[128];
    if (st == RIG_E_TIMEOUT) {
      repl_interrupt(run->repl, w2, sizeof w2);
    } else if (st != RIG_OK && st != RIG_E_INTERRUPTED) {
      recover(run, st == RIG_E_CLOSED);
    }
  }
  repl_result_free(&res);
  buf_free(&code);
  buf_free(&want);
  return ok;
}

// Splits the probe's stdout into its four lines.
static void read_identity(runner_t *run) {
  repl_result_t res;
  repl_result_init(&res);
  rig_status_t st = repl_exec(run->repl, RUNNER_PROBE, strlen(RUNNER_PROBE), 10000, &res);
  if (st == RIG_E_INTERRUPTED) {
    repl_result_free(&res);
    return;
  }
  if (st != RIG_OK && st != RIG_E_REBOOT) {
    char what[256];
    if (st == RIG_E_TIMEOUT)
      repl_interrupt(run->repl, what, sizeof what);
    else
      recover(run, st == RIG_E_CLOSED);
  } else if (st == RIG_E_REBOOT) {
    recover(run, 0);
  }
  buf_t norm;
  buf_init(&norm, REPL_OUTPUT_MAX);
  runner_normalise(res.out.data ? res.out.data : "", res.out.len, &norm);
  char *fields[4] = {NULL, NULL, NULL, NULL};
  char *p = norm.data;
  for (int i = 0; i < 4 && p && *p; i++) {
    char *nl = strchr(p, '\n');
    if (!nl && st != RIG_OK) break; // a line cut short is no identity
    if (nl) *nl = '\0';
    fields[i] = p;
    p = nl ? nl + 1 : NULL;
  }
  buf_t raw;
  buf_init(&raw, REPL_OUTPUT_MAX);
  buf_append(&raw, buf_str(&res.out), res.out.len);
  if (res.err.len) buf_append(&raw, buf_str(&res.err), res.err.len);
  if (st != RIG_OK) buf_printf(&raw, "[rig: probe ended with: %s]", rig_strerror(st));
  if (run->board_label[0])
    report_set_board_firmware(run->rep, run->board_index, fields[0], fields[1], fields[2], fields[3],
                              buf_str(&raw));
  else
    report_set_firmware(run->rep, fields[0], fields[1], fields[2], fields[3], buf_str(&raw));
  if (run->expect_fw[0]) {
    char release[128], build[128];
    report_parse_version(fields[1], release, sizeof release, build, sizeof build);
    if (!firmware_matches(run->expect_fw, fields[0], release, build)) {
      run->refused = 1;
      board_down(run, "firmware refused: expected %s, the board runs %s %s (build %s)", run->expect_fw,
                 fields[0] ? fields[0] : "unknown", release[0] ? release : (fields[1] ? fields[1] : "?"),
                 build[0] ? build : "?");
      transcript_note(run, run->down_reason);
    }
  }
  if (run->out)
    fprintf(run->out, "firmware: %s %s (platform %s%s%s)\n", fields[0] ? fields[0] : "unknown",
            fields[1] ? fields[1] : "", fields[2] ? fields[2] : "?", fields[3] && *fields[3] ? ", " : "",
            fields[3] ? fields[3] : "");
  buf_free(&raw);
  buf_free(&norm);
  repl_result_free(&res);
}

static const char *outcome_label(outcome_t o) {
  static const char *const labels[] = {"PASS", "FAIL", "SKIP", "TIMEOUT", "CRASH", "INFRA", "SKIP_TOO_LARGE"};
  return (unsigned)o < OUTCOME_COUNT ? labels[o] : "?";
}

static void print_result(runner_t *run, const report_test_t *r) {
  if (run->result_fn) {
    run->result_fn(run->result_ctx, run->board_label, r);
    return;
  }
  if (!run->out) return;
  if (run->progress) fprintf(run->out, "\r\033[K");
  fprintf(run->out, "%s %s %ld ms", outcome_label(r->outcome), r->id, r->duration_ms);
  if (r->reason && r->outcome != OUTCOME_PASS) fprintf(run->out, " (%s)", r->reason);
  fputc('\n', run->out);
  fflush(run->out);
}

// Runs one test whose source and expectation are loaded; fills [r] and
// the buffers it points into.
static rig_status_t run_one(runner_t *run, const char *src, size_t srclen, const char *exp, size_t explen,
                            int timeout_ms, int *fresh, report_test_t *r, repl_result_t *res, buf_t *actual,
                            buf_t *expected, buf_t diff[2], char *reason, size_t reasonlen, char *tail,
                            size_t *taillen) {
  rig_status_t st;
  // A board whose soft reset keeps failing although it answers otherwise
  // is tested without resets rather than waiting for each one to time out.
  if (!*fresh && run->reset_failures >= 2) *fresh = 1;
  if (!*fresh) {
    st = repl_soft_reset(run->repl, RUNNER_RESET_TIMEOUT_MS);
    run->health.soft_resets++;
    if (st == RIG_E_INTERRUPTED) return st;
    if (st == RIG_OK)
      run->reset_failures = 0;
    else if (++run->reset_failures == 2 && run->out)
      fprintf(run->out, "%srig: soft reset failed twice (%s); testing on without resets\n",
              run->progress ? "\r\033[K" : "", repl_errmsg(run->repl));
    if (st != RIG_OK) {
      st = recover(run, st == RIG_E_CLOSED);
      if (st == RIG_E_INTERRUPTED) return st;
      if (st != RIG_OK) {
        r->outcome = OUTCOME_INFRA;
        snprintf(reason, reasonlen, "%s", run->down_reason);
        r->reason = reason;
        return RIG_OK;
      }
    }
  }
  *fresh = 0;
  // The start sentinel: nothing the board sent before this point can be
  // taken for the test's output (it goes to the transcript only); the
  // test's output is what follows the protocol's acknowledgement of the
  // code (raw-paste's \x04, plain raw's "OK").
  repl_discard_pending(run->repl);
  r->transcript_offset = run->transcript ? ftell(run->transcript) : -1;
  int64_t t0 = rig_now_ms();
  st = repl_exec(run->repl, src, srclen, timeout_ms, res);
  r->duration_ms = (long)(rig_now_ms() - t0);
  if (st == RIG_E_INTERRUPTED) return st;
  runner_normalise(buf_str(&res->out), res->out.len, actual);
  if (run->hook.filter) run->hook.filter(run->hook.ctx, actual);
  if (st == RIG_OK && actual->len == 0 && res->err.len &&
      memmem(buf_str(&res->err), res->err.len, "MemoryError", 11)) {
    // Raised MemoryError before printing anything, or while the board
    // received or compiled it: the test does not fit this board.
    r->outcome = OUTCOME_SKIP_TOO_LARGE;
    runner_normalise(buf_str(&res->err), res->err.len, &diff[1]);
    r->stderr_text = buf_str(&diff[1]);
    r->stderr_len = diff[1].len;
    snprintf(reason, reasonlen, "MemoryError before the test started (too large for this board's heap)");
    r->reason = reason;
    return RIG_OK;
  }
  if (st == RIG_OK) {
    runner_normalise(exp, explen, expected);
    int same = actual->len == expected->len && !memcmp(buf_str(actual), buf_str(expected), actual->len);
    if (same && res->err.len == 0) {
      r->outcome = OUTCOME_PASS;
      return RIG_OK;
    }
    r->outcome = OUTCOME_FAIL;
    r->expected = buf_str(expected);
    r->expected_len = expected->len;
    r->actual = buf_str(actual);
    r->actual_len = actual->len;
    if (!same) {
      diff_lines(buf_str(expected), expected->len, buf_str(actual), actual->len, &diff[0]);
      r->diff = buf_str(&diff[0]);
      r->diff_len = diff[0].len;
    }
    if (res->err.len) {
      runner_normalise(buf_str(&res->err), res->err.len, &diff[1]);
      r->stderr_text = buf_str(&diff[1]);
      r->stderr_len = diff[1].len;
    }
    // The last line of a traceback names the exception.
    if (res->err.len) {
      const char *e = buf_str(&res->err);
      size_t n = res->err.len;
      while (n && (e[n - 1] == '\n' || e[n - 1] == '\r'))
        n--;
      size_t s = n;
      while (s && e[s - 1] != '\n')
        s--;
      snprintf(reason, reasonlen, "%s: %.*s",
               same ? "stdout matches but the test raised" : "output differs; raised",
               (int)(n - s > 200 ? 200 : n - s), e + s);
    } else {
      snprintf(reason, reasonlen, "output differs from the .exp");
    }
    r->reason = reason;
    return RIG_OK;
  }
  if (st == RIG_E_TIMEOUT) {
    r->outcome = OUTCOME_TIMEOUT;
    run->health.timeouts++;
    int inactive = repl_timeout_was_inactivity(run->repl);
    r->timeout_kind = inactive ? "inactivity" : "overall";
    r->actual = buf_str(actual);
    r->actual_len = actual->len;
    char what[512];
    // From here on the result stands; a stop request met while recovering
    // is left for the test loop, which stops before the next test.
    rig_status_t ist = repl_interrupt(run->repl, what, sizeof what);
    if (inactive)
      snprintf(reason, reasonlen, "no output for %.3g s (inactivity timeout); %s",
               run->cur_inactivity_ms / 1000.0, what);
    else
      snprintf(reason, reasonlen, "no result within %.3g s; %s", timeout_ms / 1000.0, what);
    r->reason = reason;
    if (ist == RIG_OK) {
      // Start the next test from a clean board, as promised.
      ist = repl_soft_reset(run->repl, RUNNER_RESET_TIMEOUT_MS);
      if (ist == RIG_OK)
        *fresh = 1;
      else if (ist != RIG_E_INTERRUPTED)
        recover(run, ist == RIG_E_CLOSED);
    } else if (ist == RIG_E_CLOSED) {
      recover(run, 1);
    } else if (ist != RIG_E_INTERRUPTED) {
      board_down(run, "board unresponsive after a timeout: %s", what);
    }
    return RIG_OK;
  }
  // The board rebooted, the connection dropped, or the protocol broke.
  r->outcome = OUTCOME_CRASH;
  run->health.crashes++;
  snprintf(reason, reasonlen, "%s", repl_errmsg(run->repl));
  r->reason = reason;
  r->actual = buf_str(actual);
  r->actual_len = actual->len;
  // Recovering reads the rest of the boot output (the ROM line's cause
  // arrives after the marker that ended the test), so take the tail after.
  size_t before = repl_bytes_received(run->repl);
  recover(run, st == RIG_E_CLOSED);
  size_t after = repl_bytes_received(run->repl);
  (void)before;
  (void)after;
  *taillen = repl_tail(run->repl, tail, REPL_TAIL_MAX);
  r->console_tail = tail;
  r->console_tail_len = *taillen;
  crash_info_t ci;
  if (crash_parse(tail, *taillen, &ci)) {
    r->rst_cause = ci.rst_cause;
    snprintf(run->crash_boot_mode, sizeof run->crash_boot_mode, "%s", ci.boot_mode);
    snprintf(run->crash_exception, sizeof run->crash_exception, "%s", ci.exception);
    r->boot_mode = ci.boot_mode[0] ? run->crash_boot_mode : NULL;
    r->exception = ci.exception[0] ? run->crash_exception : NULL;
    size_t used = strlen(reason);
    if (ci.rst_cause >= 0)
      snprintf(reason + used, reasonlen - used, "; rst cause %d (%s)%s%.200s", ci.rst_cause,
               report_rst_cause_text(ci.rst_cause), ci.exception[0] ? " after " : "", ci.exception);
    else if (ci.exception[0])
      snprintf(reason + used, reasonlen - used, "; %.200s", ci.exception);
  }
  return RIG_OK;
}

// Loads a test and its expectation, reads its header, decides skips, then
// runs it. Returns RIG_E_INTERRUPTED when a stop was requested (nothing
// recorded for this test), else RIG_OK after recording the result.

// "# host:" peers for one test: started before it (their addresses become
// the prelude's RIG_* names), stopped after it; what they saw is added to
// the reason of a result that is not a pass.
static rig_status_t start_peers(runner_t *run, const char *list, buf_t *prelude, char *reason, size_t cap) {
  if (!run->peers && !(run->peers = host_peers_new())) return RIG_E_NOMEM;
  host_peers_set_addresses(run->peers, run->host_ip[0] ? run->host_ip : "127.0.0.1", run->board_ip);
  char err[512];
  rig_status_t st = host_peers_start(run->peers, list, prelude, err, sizeof err);
  if (st != RIG_OK) snprintf(reason, cap, "host peers: %s", err);
  return st;
}

static void stop_peers(runner_t *run, report_test_t *r, char *reason, size_t cap) {
  buf_t log;
  buf_init(&log, 2048);
  host_peers_stop(run->peers, &log);
  if (r->outcome != OUTCOME_PASS && log.len) {
    size_t used = strlen(reason);
    if (used + 3 < cap)
      snprintf(reason + used, cap - used, "%shost peers: %s", used ? "; " : "", buf_str(&log));
    r->reason = reason;
  }
  buf_free(&log);
}

static rig_status_t do_test(runner_t *run, const suite_test_t *test, size_t index, size_t count, int *fresh,
                            int rep_no) {
  report_test_t r = {.id = test->id, .rst_cause = -1, .transcript_offset = -1};
  r.board = run->board_label[0] ? run->board_label : NULL;
  r.run = run->repeat > 1 ? rep_no : 0;
  char reason[1536] = "";
  char *tail = run->tail;
  size_t taillen = 0;
  repl_result_t res;
  repl_result_init(&res);
  buf_t actual, expected, diff[2];
  buf_init(&actual, REPL_OUTPUT_MAX);
  buf_init(&expected, TEST_EXP_MAX);
  buf_init(&diff[0], 4 * REPL_OUTPUT_MAX);
  buf_init(&diff[1], REPL_OUTPUT_MAX);
  size_t srclen = 0, explen = 0;
  char *src = suite_read_file(test->path, TEST_SOURCE_MAX, &srclen);
  char *exp = src ? suite_read_file(test->exp_path, TEST_EXP_MAX, &explen) : NULL;
  test_header_t h;
  char herr[256];
  char missing[512];
  rig_status_t st = RIG_OK;
  buf_t prelude; // the hook's lines sent ahead of the test
  buf_init(&prelude, TEST_SOURCE_MAX * 2);
  int hooked = -1;
  if (!src || !exp) {
    r.outcome = OUTCOME_INFRA;
    snprintf(reason, sizeof reason, "cannot read %s: %s", src ? test->exp_path : test->path, strerror(errno));
    r.reason = reason;
  } else if (test_header_parse(src, srclen, &h, herr, sizeof herr) != RIG_OK) {
    r.outcome = OUTCOME_INFRA;
    snprintf(reason, sizeof reason, "bad test header: %s", herr);
    r.reason = reason;
  } else if (h.has_skip) {
    r.outcome = OUTCOME_SKIP;
    snprintf(reason, sizeof reason, "%s", h.skip);
    r.reason = reason;
  } else if (test_header_missing(h.requires, run->caps, missing, sizeof missing) > 0) {
    r.outcome = OUTCOME_SKIP;
    snprintf(reason, sizeof reason, "requires %s", missing);
    r.reason = reason;
  } else if (!run->board_up) {
    r.outcome = OUTCOME_INFRA;
    snprintf(reason, sizeof reason, "%s", run->down_reason);
    r.reason = reason;
  } else if (run->hook.before && (hooked = run->hook.before(run->hook.ctx, test, src, srclen, &prelude,
                                                            reason, sizeof reason)) >= 0) {
    r.outcome = (outcome_t)hooked;
    r.reason = reason;
  } else if (h.host[0] && start_peers(run, h.host, &prelude, reason, sizeof reason) != RIG_OK) {
    r.outcome = OUTCOME_INFRA;
    r.reason = reason;
  } else {
    if (run->progress && run->out) {
      fprintf(run->out, "\r\033[K[%zu/%zu] %s ...", index + 1, count, test->id);
      fflush(run->out);
    }
    run->cur_inactivity_ms = h.inactivity_ms ? h.inactivity_ms : run->inactivity_ms;
    repl_set_inactivity(run->repl, run->cur_inactivity_ms);
    const char *send = src;
    size_t sendlen = srclen;
    if (prelude.len) {
      buf_append(&prelude, src, srclen);
      send = buf_str(&prelude);
      sendlen = prelude.len;
    }
    st = run_one(run, send, sendlen, exp, explen, h.timeout_ms ? h.timeout_ms : run->timeout_ms, fresh, &r,
                 &res, &actual, &expected, diff, reason, sizeof reason, tail, &taillen);
    if (h.host[0]) stop_peers(run, &r, reason, sizeof reason);
    if (st != RIG_E_INTERRUPTED && run->hook.after)
      run->hook.after(run->hook.ctx, test, &r, reason, sizeof reason);
    if (st != RIG_E_INTERRUPTED &&
        (r.outcome == OUTCOME_FAIL || r.outcome == OUTCOME_TIMEOUT || r.outcome == OUTCOME_CRASH) &&
        run->board_up && run->link_check && repl_at_prompt(run->repl) && !rig_stop_requested()) {
      char what[256];
      // On a fresh heap: what the failed test left (a MemoryError's full
      // heap) must not make the check fail and the result look like infra.
      repl_soft_reset(run->repl, RUNNER_RESET_TIMEOUT_MS);
      // Two checks: at a drop rate of 1/500 one misses about 5%, two 0.25%.
      if (!link_ok(run, what, sizeof what) || !link_ok(run, what, sizeof what)) {
        run->health.link_errors++;
        char was[1536];
        snprintf(was, sizeof was, "%s", reason);
        snprintf(reason, sizeof reason, "%s: the result (%s: %.1200s) is not trusted", what,
                 outcome_name(r.outcome), was);
        r.reason = reason;
        r.outcome = OUTCOME_INFRA;
        *fresh = 0;
      }
    }
    if (st != RIG_E_INTERRUPTED) {
      // A board that could not be brought back climbs the ladder (hard
      // reset, power cycle) before the next test; a board that keeps
      // dying is given up.
      if (r.outcome == OUTCOME_TIMEOUT || r.outcome == OUTCOME_CRASH)
        run->bad_in_row++;
      else if (r.outcome != OUTCOME_INFRA)
        run->bad_in_row = 0;
      if (!run->board_up) ladder(run);
      if (run->board_up && run->lost_after && run->bad_in_row >= run->lost_after) {
        char why[160];
        snprintf(why, sizeof why, "%d tests in a row ended in timeout or crash", run->bad_in_row);
        mark_lost(run, why);
      }
    }
  }
  if (st != RIG_E_INTERRUPTED) {
    // The result and the board's health so far, in one write.
    report_health_t hh;
    runner_health(run, &hh);
    hh.state = run->lost ? "lost" : run->refused ? "refused" : run->unreachable ? "unreachable" : "running";
    rig_status_t wst = report_add_result(run->rep, &r, run->board_label[0] ? run->board_index : -1,
                                         run->board_label[0] ? &hh : NULL);
    if (wst != RIG_OK && run->out) fprintf(stderr, "rig: %s\n", report_errmsg(run->rep));
    print_result(run, &r);
  }
  free(src);
  free(exp);
  buf_free(&prelude);
  buf_free(&actual);
  buf_free(&expected);
  buf_free(&diff[0]);
  buf_free(&diff[1]);
  repl_result_free(&res);
  return st;
}

static int exit_code_for(const runner_t *run, int aborted) {
  if (aborted) return RIG_EXIT_ABORTED;
  if (report_count(run->rep, OUTCOME_FAIL) || report_count(run->rep, OUTCOME_TIMEOUT) ||
      report_count(run->rep, OUTCOME_CRASH))
    return RIG_EXIT_FAIL;
  if (report_count(run->rep, OUTCOME_INFRA)) return RIG_EXIT_INFRA;
  return RIG_EXIT_OK;
}

// Connects, enters the raw REPL, reads the identity, runs every test
// (each [repeat] times). Sets *aborted on a stop request.
static void board_loop(runner_t *run, const suite_t *suite, int *aborted) {
  rig_status_t st = transport_open(run->t);
  if (st == RIG_E_INTERRUPTED)
    *aborted = 1;
  else if (st != RIG_OK)
    board_down(run, "could not connect: %s", transport_errmsg(run->t));
  else {
    st = repl_enter(run->repl);
    if (st == RIG_E_INTERRUPTED)
      *aborted = 1;
    else if (st != RIG_OK)
      board_down(run, "could not enter the raw REPL: %s", repl_errmsg(run->repl));
    else
      run->board_up = 1;
  }
  if (!run->board_up && !*aborted) {
    int never_connected = st != RIG_OK && transport_errmsg(run->t)[0] && !repl_errmsg(run->repl)[0];
    ladder(run);
    if (!run->board_up && never_connected) run->unreachable = 1;
  }
  if (!run->board_up && !*aborted && run->out && !run->result_fn)
    fprintf(run->out, "rig: %s\n", run->down_reason);
  if (run->board_up) read_identity(run);
  if (rig_stop_requested()) *aborted = 1;

  int fresh = 0;
  for (size_t i = 0; i < suite->count && !*aborted; i++)
    for (int k = 1; k <= run->repeat && !*aborted; k++)
      if (rig_stop_requested() ||
          do_test(run, &suite->tests[i], i, suite->count, &fresh, k) == RIG_E_INTERRUPTED)
        *aborted = 1;
  if (*aborted && run->board_up) {
    // Leave a real board idle rather than running a half-sent test: one
    // short write with the stop request held back for it.
    int sig = rig_stop_signal();
    rig_clear_stop();
    transport_write(run->t, "\r\x03\x03", 3, 200);
    if (sig) rig_request_stop(sig);
  }
}

static rig_status_t open_transcript(runner_t *run) {
  char tpath[PATH_MAX + 200];
  snprintf(tpath, sizeof tpath, "%s/transcript-%s.log", report_run_dir(run->rep), run->board);
  run->transcript = fopen(tpath, "ab");
  if (!run->transcript && run->out) fprintf(stderr, "rig: cannot write %s: %s\n", tpath, strerror(errno));
  repl_set_transcript(run->repl, run->transcript);
  repl_set_enter_timeout(run->repl, run->enter_ms, run->enter_attempts);
  return RIG_OK;
}

rig_status_t runner_run_board(runner_t *run, const suite_t *suite) {
  if (!run->t || !run->rep) {
    snprintf(run->err, sizeof run->err, "no transport or report set");
    return RIG_E_USAGE;
  }
  run->repl = repl_new(run->t);
  if (!run->repl) return RIG_E_NOMEM;
  open_transcript(run);
  int aborted = 0;
  board_loop(run, suite, &aborted);
  report_health_t h;
  runner_health(run, &h);
  if (aborted) h.state = "running";
  report_set_board_health(run->rep, run->board_index, &h);
  return aborted ? RIG_E_INTERRUPTED : RIG_OK;
}

rig_status_t runner_run(runner_t *run, const suite_t *suite, int *exit_code) {
  *exit_code = RIG_EXIT_INFRA;
  if (!run->t) {
    snprintf(run->err, sizeof run->err, "no transport set");
    return RIG_E_USAGE;
  }
  run->rep = report_new();
  run->repl = repl_new(run->t);
  if (!run->rep || !run->repl) return RIG_E_NOMEM;
  report_set_target(run->rep, run->target);
  rig_status_t st = report_create_run(run->rep, run->report_dir);
  if (st != RIG_OK) {
    snprintf(run->err, sizeof run->err, "%s", report_errmsg(run->rep));
    return st;
  }
  report_set_farm(run->rep, NULL, run->repeat);
  // A farm of one: the board gets its entry, and its results its name.
  snprintf(run->board_label, sizeof run->board_label, "%s", run->board);
  run->board_index = report_add_board(run->rep, run->board, run->target, NULL, NULL, 0);
  open_transcript(run);

  int64_t t0 = rig_now_ms();
  int aborted = 0;
  if (run->out) {
    fprintf(run->out, "rig: %zu test%s on %s; report %s\n", suite->count, suite->count == 1 ? "" : "s",
            run->target, report_path(run->rep));
    fflush(run->out);
  }
  board_loop(run, suite, &aborted);
  report_health_t h;
  runner_health(run, &h);
  if (aborted) h.state = "running";
  report_set_board_health(run->rep, run->board_index, &h);
  if (aborted && run->out && run->progress) fprintf(run->out, "\r\033[K");
  report_finish(run->rep, aborted ? REPORT_ABORTED : REPORT_COMPLETE);
  *exit_code = exit_code_for(run, aborted);
  if (run->out) {
    int total = 0;
    for (int k = 0; k < OUTCOME_COUNT; k++)
      total += report_count(run->rep, (outcome_t)k);
    fprintf(run->out, "%s%d test%s:", aborted ? "ABORTED after " : "", total, total == 1 ? "" : "s");
    for (int k = 0; k < OUTCOME_COUNT; k++)
      fprintf(run->out, " %d %s%s", report_count(run->rep, (outcome_t)k), outcome_name((outcome_t)k),
              k + 1 < OUTCOME_COUNT ? "," : "");
    fprintf(run->out, " in %.1f s\nreport: %s\n", (rig_now_ms() - t0) / 1000.0, report_path(run->rep));
    fflush(run->out);
  }
  return RIG_OK;
}
