// SPDX-License-Identifier: MIT
// report.h: the JSON run report (reports/report.schema.json).
//
//   report_t *rep = report_new();
//   report_set_target(rep, "tcp:host:2323");   // already redacted
//   report_create_run(rep, "reports/runs");    // DIR/<run-id>/, DIR/latest
//   report_set_firmware(rep, ...);
//   report_add_test(rep, &result);             // rewrites report.json
//   report_finish(rep, REPORT_COMPLETE);
//   report_free(rep);
//
// Every change is written at once, whole, to a temporary file in the run
// directory, fsync'ed and renamed over report.json, so the file on disk is
// always complete JSON holding every result measured so far, even when the
// rig is killed. While running, "status" is "running" and "finished" null.
#ifndef RIG_REPORT_H
#define RIG_REPORT_H

#include "rig_status.h"

#include <stddef.h>
#include <stdio.h>

#define REPORT_SCHEMA_VERSION 2

// X(name, text): the outcomes a test can have (DESIGN.md).
#define OUTCOME_LIST(X)                                                                                      \
  X(OUTCOME_PASS, "pass")                                                                                    \
  X(OUTCOME_FAIL, "fail")                                                                                    \
  X(OUTCOME_SKIP, "skip")                                                                                    \
  X(OUTCOME_TIMEOUT, "timeout")                                                                              \
  X(OUTCOME_CRASH, "crash")                                                                                  \
  X(OUTCOME_INFRA, "infra")                                                                                  \
  X(OUTCOME_SKIP_TOO_LARGE, "skip_too_large")

typedef enum {
#define OUTCOME_ENUM(name, text) name,
  OUTCOME_LIST(OUTCOME_ENUM)
#undef OUTCOME_ENUM
      OUTCOME_COUNT
} outcome_t;

const char *outcome_name(outcome_t o);
// The outcome called [name], or -1.
int outcome_parse(const char *name);

typedef enum { REPORT_RUNNING, REPORT_COMPLETE, REPORT_ABORTED } report_status_t;

// One test result. Text fields may be NULL (left out of the report); the
// *_len fields give their length (bytes need not be UTF-8: see
// report_utf8_clean).
typedef struct {
  const char *id;
  outcome_t outcome;
  long duration_ms;
  const char *reason;
  const char *expected;
  size_t expected_len;
  const char *actual;
  size_t actual_len;
  const char *diff;
  size_t diff_len;
  const char *stderr_text;
  size_t stderr_len;
  const char *console_tail;
  size_t console_tail_len;
  // Farm runs (schema 2); NULL / 0 when not known.
  const char *board;        // the board's name in the farm
  int run;                  // repetition 1..N with --repeat, 0 = not repeated
  const char *timeout_kind; // timeout: "inactivity" or "overall"
  int rst_cause;            // crash: the ROM's "rst cause:N" (1..6), 0 or -1 when none seen
  const char *boot_mode;    // crash: "(3,6)" from the ROM line
  const char *exception;    // crash: "Fatal exception 28(LoadProhibitedCause): epc1=..."
  long transcript_offset;   // where the test starts in the board's transcript (0 or -1: unknown)
  const char *loopback; // loopback checks: the "loopback" object as JSON text (loopback.h), NULL when none
} report_test_t;

// Per-board health, kept in the report's "boards" entry.
typedef struct {
  int soft_resets, hard_resets, power_cycles, timeouts, crashes, recoveries;
  int link_errors;         // failed link checks: results turned infra
  int lost;                // 1: the board was given up
  const char *lost_reason; // why (NULL)
  const char *state;       // "running", "done", "lost", "refused", "unreachable"
} report_health_t;

typedef struct report report_t;

report_t *report_new(void);
void report_free(report_t *rep);

// The target string as it may be published (the caller removes secrets).
void report_set_target(report_t *rep, const char *target);

// Creates DIR (and parents), the run directory DIR/<run-id> with run-id =
// UTC "YYYYMMDD-HHMMSS" (plus "-N" when taken), points DIR/latest at it
// (atomically replaced) and writes the first report.json.
rig_status_t report_create_run(report_t *rep, const char *dir);

// The firmware identity as read from the board; NULL for unknown fields.
rig_status_t report_set_firmware(report_t *rep, const char *name, const char *version, const char *platform,
                                 const char *machine, const char *raw);

// Farm runs: adds a board entry (name, redacted target, module, wiring)
// and returns its index. Thread-safe, as are all calls below on a report
// shared by board workers.
int report_add_board(report_t *rep, const char *name, const char *target, const char *module,
                     const char *const *wiring, int nwiring);
rig_status_t report_set_board_firmware(report_t *rep, int board, const char *name, const char *version,
                                       const char *platform, const char *machine, const char *raw);
rig_status_t report_set_board_health(report_t *rep, int board, const report_health_t *h);
// Records the farm file and the --repeat count in the report.
void report_set_farm(report_t *rep, const char *farm, int repeat);
// Fills "per_test" (pass counts per board and test, flaky verdicts) from
// the results so far; done by report_finish too.
void report_summarise(report_t *rep);

// Appends a result, updates the counts and rewrites report.json.
rig_status_t report_add_test(report_t *rep, const report_test_t *t);
// report_add_test and report_set_board_health([board], [hs]) in one
// rewrite of report.json (a rewrite is two fsyncs: the per-test cost).
rig_status_t report_add_result(report_t *rep, const report_test_t *t, int board, const report_health_t *hs);

// Sets status and the finish time and rewrites report.json.
rig_status_t report_finish(report_t *rep, report_status_t status);

// Writes report.json again (atomically).
rig_status_t report_write(report_t *rep);

int report_count(const report_t *rep, outcome_t o);
const char *report_run_id(const report_t *rep);
const char *report_run_dir(const report_t *rep);
const char *report_path(const report_t *rep);
const char *report_errmsg(const report_t *rep);

// Text for the ROM's "rst cause:N" ("watchdog reset" for 4).
const char *report_rst_cause_text(int cause);

// Splits a MicroPython-style sys.version ("3.4.0; Pyrite v0.1.0 on
// 2026-11-25") into the release ("v0.1.0") and build ("2026-11-25");
// empty strings when it has another shape.
void report_parse_version(const char *version, char *release, size_t rcap, char *build, size_t bcap);

// rig report FILE: prints "ID OUTCOME" per test (plus "  # reason"), then
// the counts, to [out]. RIG_E_FILE / RIG_E_JSON with a message in [err].
rig_status_t report_print(const char *path, FILE *out, char *err, size_t errlen);

// Copies [len] bytes of [s] into a new malloc'd string that is valid
// UTF-8: each invalid byte, and each NUL, becomes U+FFFD. NULL when out
// of memory.
char *report_utf8_clean(const char *s, size_t len, size_t *outlen);

#endif
