// SPDX-License-Identifier: MIT
// runner.h: runs a suite of conformance tests on one board and writes the
// report as it goes.
//
//   runner_t *run = runner_new();
//   runner_set_transport(run, t);              // not owned; opened by the runner
//   runner_set_target_label(run, "vboard");    // for the report (no secrets)
//   runner_set_report_dir(run, "reports/runs");
//   int exit_code;
//   runner_run(run, &suite, &exit_code);
//   runner_free(run);
//
// Per test: soft reset, run the file (raw-paste), compare stdout ("\r\n"
// read as "\n") with the .exp. Outcomes and exit codes as in `rig run
// --help`. A stop request (SIGINT/SIGTERM) ends the run: the report is
// marked "aborted" and the exit code is 130.
#ifndef RIG_RUNNER_H
#define RIG_RUNNER_H

#include "buf.h"
#include "report.h"
#include "suite.h"
#include "transport.h"

#include <stdio.h>

#define RUNNER_DEFAULT_TIMEOUT_MS 10000
#define RUNNER_RESET_TIMEOUT_MS 10000

// Exit codes of `rig run`.
enum { RIG_EXIT_OK = 0, RIG_EXIT_FAIL = 1, RIG_EXIT_INFRA = 2, RIG_EXIT_ABORTED = 130 };

// The firmware identity probe run before the tests.
#define RUNNER_PROBE                                                                                         \
  "import sys\nprint(sys.implementation.name)\nprint(sys.version)\nprint(sys.platform)\n"                    \
  "print(getattr(sys.implementation, '_machine', ''))\n"

typedef struct runner runner_t;

runner_t *runner_new(void);
void runner_free(runner_t *run);

void runner_set_transport(runner_t *run, transport_t *t);
// Addresses for "# host:" peers (host_peers.h): the rig's as the board
// reaches it ("" = 127.0.0.1) and the board's own ("" = unknown: knock
// is then refused).
void runner_set_peer_addresses(runner_t *run, const char *host_ip, const char *board_ip);
void runner_set_target_label(runner_t *run, const char *label);
// Names the transcript file: DIR/<run-id>/transcript-<board>.log.
void runner_set_board_name(runner_t *run, const char *name);
void runner_set_report_dir(runner_t *run, const char *dir);
// Default per-test timeout (a test's "# timeout: N" wins).
void runner_set_timeout(runner_t *run, int ms);
// Raw REPL entry: per-attempt timeout and attempts (repl_set_enter_timeout).
void runner_set_enter_timeout(runner_t *run, int ms, int attempts);
// What the board declares for "# requires:" (comma-separated; "" = nothing).
void runner_set_capabilities(runner_t *run, const char *list);
// Appends [list] to what the board declares (capabilities from several
// sources: the command line, the vboard the rig starts, its wiring).
void runner_add_capabilities(runner_t *run, const char *list);
// Where the per-test lines go (NULL: nowhere); [progress] adds a progress
// line rewritten in place (for terminals).
void runner_set_output(runner_t *run, FILE *out, int progress);

// Longest silence within a test (0: only the overall timeout); a test's
// "# inactivity: N" wins.
void runner_set_inactivity(runner_t *run, int ms);
// 1 (default): after a result that is not a pass, check the link twice
// (a 1.5 KB piece of code whose output is known); when a check fails the
// result becomes infra ("the link, not the firmware, is suspect").
void runner_set_link_check(runner_t *run, int on);
// Runs each test [n] times in a row (--repeat); results carry run 1..n.
void runner_set_repeat(runner_t *run, int n);
// Tests in a row that end in timeout or crash before the board is lost
// (default RUNNER_LOST_AFTER; 0 never).
void runner_set_lost_after(runner_t *run, int n);
// --expect-firmware NAME[:RELEASE[:BUILD]]: a board whose identity does
// not match is refused (every test infra).
void runner_set_expect_firmware(runner_t *run, const char *spec);

// The rungs of the recovery ladder past Ctrl-C and soft reset: [power] 0
// asks for a hard reset, 1 for a power cycle. Return RIG_E_UNSUPPORTED when
// the board has no such method; [msg] says what was done.
typedef rig_status_t (*runner_reset_fn)(void *ctx, transport_t *t, int power, char *msg, size_t msglen);
void runner_set_resetter(runner_t *run, runner_reset_fn fn, void *ctx);

// Farm runs: results go into [rep] (shared by all workers, not owned) as
// board number [index] named [name]; each result is handed to [fn] (with
// the runner's output lock held by the caller's own means) instead of
// being printed.
typedef void (*runner_result_fn)(void *ctx, const char *board, const report_test_t *r);
void runner_set_shared_report(runner_t *run, report_t *rep, int index, const char *name);
void runner_set_result_callback(runner_t *run, runner_result_fn fn, void *ctx);
// Runs [suite] on the board into the shared report (no summary, no
// finish). RIG_OK, or RIG_E_INTERRUPTED after a stop request.
rig_status_t runner_run_board(runner_t *run, const suite_t *suite);
// The board's health so far (state: done, lost, refused, unreachable).
void runner_health(const runner_t *run, report_health_t *h);

#define RUNNER_LOST_AFTER 4

// A check wrapped around each test (loopback.h: captures and analysis).
// [before] runs when a test is about to be sent (header read, board up):
// it returns -1 to go on, optionally with a prelude appended to [prelude]
// that is sent ahead of the source, or an outcome (skip, infra) recorded
// with [reason] instead of running the test. [filter] may take lines of
// its own out of the test's stdout ("\r\n" already read as "\n") before
// the comparison with the .exp. [after] sees the result of a test that
// ran and may change its outcome and reason ([reason] is the result's
// buffer, [reasonlen] its size) and attach data (report_test_t.loopback).
typedef struct {
  int (*before)(void *ctx, const suite_test_t *test, const char *src, size_t srclen, buf_t *prelude,
                char *reason, size_t reasonlen);
  void (*filter)(void *ctx, buf_t *out);
  void (*after)(void *ctx, const suite_test_t *test, report_test_t *r, char *reason, size_t reasonlen);
  void *ctx;
} runner_hook_t;
void runner_set_hook(runner_t *run, const runner_hook_t *hook);

// Runs [suite]. Returns RIG_OK when the run happened (whatever the
// outcomes; see *exit_code), or an error when no report could be written
// (message in runner_errmsg; *exit_code is then RIG_EXIT_INFRA).
rig_status_t runner_run(runner_t *run, const suite_t *suite, int *exit_code);

const char *runner_report_path(const runner_t *run);
const char *runner_errmsg(const runner_t *run);

// Compares [out] (stdout as received) with [exp] after reading "\r\n" as
// "\n" in both. 1 when equal.
int runner_output_matches(const char *out, size_t outlen, const char *exp, size_t explen);

// Copies [s] into [b] with every "\r\n" made "\n".
void runner_normalise(const char *s, size_t len, buf_t *b);

#endif
