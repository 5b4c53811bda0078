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

#define REPORT_SCHEMA_VERSION 1

// X(name, text): the outcomes a test can have (DESIGN.md).
#define OUTCOME_LIST(X)                                                                                      \
  X(OUTCOME_PASS, "pass")                                                                                    \
  X(OUTCOME_FAIL, "fail")                                                                                    \
  X(OUTCOME_SKIP, "skip")                                                                                    \
  X(OUTCOME_TIMEOUT, "timeout")                                                                              \
  X(OUTCOME_CRASH, "crash")                                                                                  \
  X(OUTCOME_INFRA, "infra")

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
} report_test_t;

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

// Appends a result, updates the counts and rewrites report.json.
rig_status_t report_add_test(report_t *rep, const report_test_t *t);

// Sets status and the finish time and rewrites report.json.
rig_status_t report_finish(report_t *rep, report_status_t status);

// Writes report.json again (atomically).
rig_status_t report_write(report_t *rep);

int report_count(const report_t *rep, outcome_t o);
const char *report_run_id(const report_t *rep);
const char *report_run_dir(const report_t *rep);
const char *report_path(const report_t *rep);
const char *report_errmsg(const report_t *rep);

// rig report FILE: prints "ID OUTCOME" per test (plus "  # reason"), then
// the counts, to [out]. RIG_E_FILE / RIG_E_JSON with a message in [err].
rig_status_t report_print(const char *path, FILE *out, char *err, size_t errlen);

// Copies [len] bytes of [s] into a new malloc'd string that is valid
// UTF-8: each invalid byte, and each NUL, becomes U+FFFD. NULL when out
// of memory.
char *report_utf8_clean(const char *s, size_t len, size_t *outlen);

#endif
