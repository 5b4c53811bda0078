// SPDX-License-Identifier: MIT
// runner.c: the test loop of `rig run` (see runner.h).
//
// The board is "up" once the raw REPL answered. Whatever a test does
// (time out, reboot the board, drop the connection), the runner tries to
// bring the board back to the raw REPL prompt before the next test; when
// that fails the board is "down" and every remaining test is `infra` at
// once, with the reason, instead of waiting for timeouts again.
#include "runner.h"

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
  char caps[512];
  int board_up;
  int reset_failures; // soft resets in a row that failed while the board recovered
  char down_reason[1024];
  char err[PATH_MAX + 256];
};

runner_t *runner_new(void) {
  runner_t *run = calloc(1, sizeof *run);
  if (!run) return NULL;
  run->timeout_ms = RUNNER_DEFAULT_TIMEOUT_MS;
  run->enter_ms = 5000;
  run->enter_attempts = 3;
  snprintf(run->board, sizeof run->board, "board");
  snprintf(run->report_dir, sizeof run->report_dir, "reports/runs");
  return run;
}

void runner_free(runner_t *run) {
  if (!run) return;
  repl_free(run->repl);
  report_free(run->rep);
  if (run->transcript) fclose(run->transcript);
  free(run);
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
void runner_set_output(runner_t *run, FILE *out, int progress) {
  run->out = out;
  run->progress = progress;
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
  report_set_firmware(run->rep, fields[0], fields[1], fields[2], fields[3], buf_str(&raw));
  if (run->out)
    fprintf(run->out, "firmware: %s %s (platform %s%s%s)\n", fields[0] ? fields[0] : "unknown",
            fields[1] ? fields[1] : "", fields[2] ? fields[2] : "?", fields[3] && *fields[3] ? ", " : "",
            fields[3] ? fields[3] : "");
  buf_free(&raw);
  buf_free(&norm);
  repl_result_free(&res);
}

static const char *outcome_label(outcome_t o) {
  static const char *const labels[] = {"PASS", "FAIL", "SKIP", "TIMEOUT", "CRASH", "INFRA"};
  return (unsigned)o < OUTCOME_COUNT ? labels[o] : "?";
}

static void print_result(runner_t *run, const report_test_t *r) {
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
  int64_t t0 = rig_now_ms();
  st = repl_exec(run->repl, src, srclen, timeout_ms, res);
  r->duration_ms = (long)(rig_now_ms() - t0);
  if (st == RIG_E_INTERRUPTED) return st;
  runner_normalise(buf_str(&res->out), res->out.len, actual);
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
    r->actual = buf_str(actual);
    r->actual_len = actual->len;
    char what[512];
    // From here on the result stands; a stop request met while recovering
    // is left for the test loop, which stops before the next test.
    rig_status_t ist = repl_interrupt(run->repl, what, sizeof what);
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
  snprintf(reason, reasonlen, "%s", repl_errmsg(run->repl));
  r->reason = reason;
  r->actual = buf_str(actual);
  r->actual_len = actual->len;
  *taillen = repl_tail(run->repl, tail, REPL_TAIL_MAX);
  r->console_tail = tail;
  r->console_tail_len = *taillen;
  recover(run, st == RIG_E_CLOSED);
  return RIG_OK;
}

// Loads a test and its expectation, reads its header, decides skips, then
// runs it. Returns RIG_E_INTERRUPTED when a stop was requested (nothing
// recorded for this test), else RIG_OK after recording the result.
static rig_status_t do_test(runner_t *run, const suite_test_t *test, size_t index, size_t count, int *fresh) {
  report_test_t r = {.id = test->id};
  char reason[1536] = "";
  static char tail[REPL_TAIL_MAX];
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
  } else {
    if (run->progress && run->out) {
      fprintf(run->out, "\r\033[K[%zu/%zu] %s ...", index + 1, count, test->id);
      fflush(run->out);
    }
    st = run_one(run, src, srclen, exp, explen, h.timeout_ms ? h.timeout_ms : run->timeout_ms, fresh, &r,
                 &res, &actual, &expected, diff, reason, sizeof reason, tail, &taillen);
  }
  if (st != RIG_E_INTERRUPTED) {
    rig_status_t wst = report_add_test(run->rep, &r);
    if (wst != RIG_OK && run->out) fprintf(stderr, "rig: %s\n", report_errmsg(run->rep));
    print_result(run, &r);
  }
  free(src);
  free(exp);
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
  char tpath[PATH_MAX + 200];
  snprintf(tpath, sizeof tpath, "%s/transcript-%s.log", report_run_dir(run->rep), run->board);
  run->transcript = fopen(tpath, "ab");
  if (!run->transcript && run->out) fprintf(stderr, "rig: cannot write %s: %s\n", tpath, strerror(errno));
  repl_set_transcript(run->repl, run->transcript);
  repl_set_enter_timeout(run->repl, run->enter_ms, run->enter_attempts);

  int64_t t0 = rig_now_ms();
  int aborted = 0;
  if (run->out) {
    fprintf(run->out, "rig: %zu test%s on %s; report %s\n", suite->count, suite->count == 1 ? "" : "s",
            run->target, report_path(run->rep));
    fflush(run->out);
  }
  st = transport_open(run->t);
  if (st == RIG_E_INTERRUPTED)
    aborted = 1;
  else if (st != RIG_OK)
    board_down(run, "could not connect: %s", transport_errmsg(run->t));
  else {
    st = repl_enter(run->repl);
    if (st == RIG_E_INTERRUPTED)
      aborted = 1;
    else if (st != RIG_OK)
      board_down(run, "could not enter the raw REPL: %s", repl_errmsg(run->repl));
    else
      run->board_up = 1;
  }
  if (!run->board_up && !aborted && run->out) fprintf(run->out, "rig: %s\n", run->down_reason);
  if (run->board_up) read_identity(run);
  if (rig_stop_requested()) aborted = 1;

  int fresh = 0;
  for (size_t i = 0; i < suite->count && !aborted; i++) {
    if (rig_stop_requested() || do_test(run, &suite->tests[i], i, suite->count, &fresh) == RIG_E_INTERRUPTED)
      aborted = 1;
  }
  if (aborted && run->board_up) {
    // Leave a real board idle rather than running a half-sent test: one
    // short write with the stop request held back for it.
    int sig = rig_stop_signal();
    rig_clear_stop();
    transport_write(run->t, "\r\x03\x03", 3, 200);
    if (sig) rig_request_stop(sig);
  }
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
