// SPDX-License-Identifier: MIT
// rig_path.h: files found beside the rig's own binary in the build tree
// (vboard, the report schema), so that a rig run from anywhere finds them.
#ifndef RIG_PATH_H
#define RIG_PATH_H

#include <stddef.h>

// Writes to [out] the real path of [rel] taken from the folder that holds
// the running rig, when access(path, [mode]) allows it and it fits [cap].
// Returns 1 then, else 0 (out untouched).
int rig_path_beside(const char *rel, int mode, char *out, size_t cap);

#endif
