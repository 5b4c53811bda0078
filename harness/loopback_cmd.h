// SPDX-License-Identifier: MIT
// loopback_cmd.h: the command-line side of the loopback checks: the
// options `rig run` takes for them and `rig loopback analyse`.
#ifndef RIG_LOOPBACK_CMD_H
#define RIG_LOOPBACK_CMD_H

#include "loopback.h"

// The wiring directory used when none is given: fixtures/wiring in the
// current directory when it exists, else the source tree's.
const char *loopback_default_wiring_dir(void);

// Sets up the loopback checks of a single-board run: loads the wiring maps
// in [wiring] ("NAME[,NAME...]") from [dir], makes a vboard target start
// with "--wiring [wiring]" and its control socket (captures through it),
// or captures with [capture_cmd] on other targets; declares "loopback" and
// "fixture:NAME" for each map; hooks the runner. NULL with [err] on
// failure. The caller frees it after the run (loopback_free).
loopback_t *loopback_cli_setup(const transport_spec_t *spec, transport_t *t, runner_t *run,
                               const char *wiring, const char *dir, const char *capture_cmd, char *err,
                               size_t errlen);

// Splits "A,B,C" into at most [max] names stored in [store].
int loopback_split_names(const char *list, char *store, size_t storelen, const char **names, int max);

// rig loopback ...: exit status.
int loopback_cmd(int argc, char **argv);
void loopback_cmd_usage(FILE *to);

#endif
