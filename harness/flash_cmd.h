// SPDX-License-Identifier: MIT
// flash_cmd.h: the `rig flash` and `rig validate` commands (flash_cmd.c,
// flash_validate.c). Each takes the words after the command name and
// returns the process exit status.
#ifndef RIG_FLASH_CMD_H
#define RIG_FLASH_CMD_H

#include <stdio.h>

// rig flash: 0 flashed and verified; 1 the board failed (no sync, reset
// during the flash, verify mismatch); 2 usage error or a bad image.
int flash_cmd_main(int argc, char **argv);
void flash_cmd_usage(FILE *to);

// rig validate: 0 every item passed (warnings allowed); 1 an item failed;
// 2 usage error or the board could not be reached.
int validate_cmd_main(int argc, char **argv);
void validate_cmd_usage(FILE *to);

#endif
