// SPDX-License-Identifier: MIT
// triage.h: what changed between runs, per board and test.
//
//   triage_t *tr = triage_new();
//   triage_add_report(tr, "runs/A/report.json");   // oldest first
//   triage_add_report(tr, "runs/B/report.json");   // the newest last
//   triage_print(tr, stdout);
//   int code = triage_exit_code(tr);
//   triage_free(tr);
//
// The last two reports give the classes: new failures (bad now, not bad
// before: the regressions), fixed (bad before, pass now), still failing,
// infra problems (infra results and lost or refused boards now; never
// counted as product failures). Every report added gives the flake score
// of each (board, test): the share of its runs that flipped between pass
// and a failure (fail, timeout, crash) over the history, a flaky verdict
// (--repeat) counting as a flip; listed as flaky when it flipped at least
// twice (one change is a regression or a fix) or is flaky in the newest. Everything is grouped by board and its
// module. "bad" means fail, timeout or crash. With a single report there
// is nothing to regress from: its failures are listed as still failing.
#ifndef RIG_TRIAGE_H
#define RIG_TRIAGE_H

#include "rig_status.h"

#include <stdio.h>

#define TRIAGE_MAX_RUNS 100

// Exit codes of `rig triage`.
enum { TRIAGE_EXIT_OK = 0, TRIAGE_EXIT_REGRESSION = 1, TRIAGE_EXIT_USAGE = 2, TRIAGE_EXIT_INFRA = 3 };

typedef struct triage triage_t;

triage_t *triage_new(void);
void triage_free(triage_t *tr);

// Adds a report (oldest first). RIG_E_FILE / RIG_E_JSON with a message.
rig_status_t triage_add_report(triage_t *tr, const char *path);

// Adds the newest [last_n] runs under [dir] (folders named by run id with
// a report.json, sorted by name). RIG_E_FILE when [dir] cannot be read.
rig_status_t triage_add_history(triage_t *tr, const char *dir, int last_n);

// The run folder under [dir] just before the run [run_id] (by name), or
// "" when none: the previous nightly run to triage against.
void triage_previous_run(const char *dir, const char *run_id, char *out, size_t cap);

int triage_runs(const triage_t *tr);

// Prints the classes, grouped by board (and module), and the flake scores.
void triage_print(const triage_t *tr, FILE *out);

// Counts of the classes after the last report.
int triage_new_failures(const triage_t *tr);
int triage_fixed(const triage_t *tr);
int triage_still_failing(const triage_t *tr);
int triage_flaky(const triage_t *tr);
int triage_infra(const triage_t *tr);

// TRIAGE_EXIT_REGRESSION when there is a new failure; else
// TRIAGE_EXIT_INFRA when the newest run has infra problems; else OK.
int triage_exit_code(const triage_t *tr);

const char *triage_errmsg(const triage_t *tr);

#endif
