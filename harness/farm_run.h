// SPDX-License-Identifier: MIT
// farm_run.h: runs a suite on every board of a farm at once, one worker
// thread per board, into one report.
//
//   farm_run_t *fr = farm_run_new(&farm);
//   farm_run_set_report_dir(fr, "reports/runs");
//   farm_run_set_repeat(fr, 3);
//   farm_run_set_output(fr, stdout, isatty(1));
//   int code;
//   farm_run_run(fr, &suite, &code);
//   farm_run_free(fr);
//
// Each worker owns its transport, raw REPL client and runner; they share
// only the report (which locks) and the output (a mutex here). A slow or
// dead board therefore delays nobody but itself: its waits are bounded by
// its own timeouts, and a lost board reports its remaining tests infra at
// once. The vboards a worker starts are stopped when it ends.
#ifndef RIG_FARM_RUN_H
#define RIG_FARM_RUN_H

#include "farm.h"
#include "report.h"
#include "suite.h"
#include "transport.h"

#include <stdio.h>

// Exit codes of `rig nightly` and `rig farm run` (rig run keeps its own).
enum {
  FARM_EXIT_OK = 0,      // every result pass or skip, no regression
  FARM_EXIT_FAIL = 1,    // a product failure (fail, timeout, crash) or a regression
  FARM_EXIT_USAGE = 2,   // bad command line or farm file; nothing ran
  FARM_EXIT_INFRA = 3,   // no product failure, but infra problems (board lost, unreachable, refused)
  FARM_EXIT_ABORTED = 130
};

typedef struct farm_run farm_run_t;

// A run of [farm] (copied). NULL when out of memory.
farm_run_t *farm_run_new(const farm_t *farm);
void farm_run_free(farm_run_t *fr);

void farm_run_set_report_dir(farm_run_t *fr, const char *dir);
void farm_run_set_repeat(farm_run_t *fr, int n);
// Defaults for boards that set none (the farm file's defaults win over the rig's).
void farm_run_set_timeout(farm_run_t *fr, int ms);
void farm_run_set_inactivity(farm_run_t *fr, int ms);
void farm_run_set_lost_after(farm_run_t *fr, int n);
void farm_run_set_expect_firmware(farm_run_t *fr, const char *spec);
// The vboard binary for boards whose connect is plain "vboard".
void farm_run_set_vboard(farm_run_t *fr, const char *path);
// rfc2217:// boards: the RFC 2217 client lives in the flasher's library
// (transport_rfc2217.c), which links this one, so the program hands its
// functions in. Without them such boards are infra ("cannot drive").
typedef rig_status_t (*farm_rfc2217_open_fn)(const char *target, int baud, void **handle, transport_t **t,
                                             char *err, size_t errlen);
typedef rig_status_t (*farm_rfc2217_lines_fn)(void *handle, int dtr, int rts);
typedef void (*farm_rfc2217_close_fn)(void *handle);
void farm_run_set_rfc2217(farm_run_t *fr, farm_rfc2217_open_fn open, farm_rfc2217_lines_fn lines,
                          farm_rfc2217_close_fn close);

// Where result lines go; [progress] draws one status line in place.
void farm_run_set_output(farm_run_t *fr, FILE *out, int progress);

// Runs [suite] on every enabled board. RIG_OK when a report was written
// (whatever the outcomes: see *exit_code), else an error with a message
// in farm_run_errmsg.
rig_status_t farm_run_run(farm_run_t *fr, const suite_t *suite, int *exit_code);

const char *farm_run_report_path(const farm_run_t *fr);
const char *farm_run_run_dir(const farm_run_t *fr);
const char *farm_run_errmsg(const farm_run_t *fr);

// The exit code a finished report file deserves (FARM_EXIT_*).
int farm_exit_code_for_counts(int fail, int timeout, int crash, int infra, int lost);

#endif
