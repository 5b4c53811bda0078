// SPDX-License-Identifier: MIT
// rig_path.c: see rig_path.h.
#include "rig_path.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int rig_path_beside(const char *rel, int mode, char *out, size_t cap) {
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) return 0;
  exe[n] = '\0';
  char *slash = strrchr(exe, '/');
  if (!slash) return 0;
  *slash = '\0';
  char cand[PATH_MAX + 64];
  if (snprintf(cand, sizeof cand, "%s/%s", exe, rel) >= (int)sizeof cand) return 0;
  char real[PATH_MAX];
  if (access(cand, mode) != 0 || !realpath(cand, real) || strlen(real) >= cap) return 0;
  snprintf(out, cap, "%s", real);
  return 1;
}
