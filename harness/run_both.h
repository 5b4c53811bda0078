// SPDX-License-Identifier: MIT
// run_both.h: `rig run --transport both`: the suite over the board's
// console, then over its WebREPL, and the tests whose outcome differs.
#ifndef RIG_RUN_BOTH_H
#define RIG_RUN_BOTH_H

#include "runner.h"
#include "suite.h"
#include "transport.h"

// Sets up a runner the way the command line asked (timeouts, report
// directory, ...); called for each of the two runs.
typedef void (*run_both_configure_fn)(runner_t *run, void *ctx);

typedef struct {
  transport_t *console;      // the console transport (serial, tcp, vboard), not yet opened
  const char *console_label; // for the report (no secrets)
  const char *console_board; // board name for the transcript
  const char *webrepl;       // webrepl://HOST[:PORT] of the same board
  run_both_configure_fn configure;
  void *ctx;
} run_both_t;

// Runs [suite] over the console, starts WebREPL on the board through the
// console (webrepl.start with a password the rig makes up, or the one in
// $RIG_WEBREPL_PASSWORD), runs [suite] again over WebREPL and prints the
// differences. Returns the exit code: 0 when both runs pass and agree, 1
// when a test failed or the two disagree, 2 when a run could not be made.
int run_both(const run_both_t *rb, suite_t *suite);

#endif
