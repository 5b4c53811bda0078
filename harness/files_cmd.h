// SPDX-License-Identifier: MIT
// files_cmd.h: the `rig put` and `rig get` commands (file_transfer.h).
#ifndef RIG_FILES_CMD_H
#define RIG_FILES_CMD_H

#include <stdio.h>

// [put] 1 for `rig put`, 0 for `rig get`; argv after the command name.
// Returns the exit status.
int files_cmd_main(int put, int argc, char **argv);
void files_cmd_usage(FILE *to, int put);

#endif
