// SPDX-License-Identifier: MIT
// crash.c: the console readers of crash.h.
#include "crash.h"

#include <stdio.h>
#include <string.h>

// The last occurrence of [pat] in [s], or NULL (memmem from the right).
static const char *last_of(const char *s, size_t len, const char *pat) {
  size_t n = strlen(pat);
  if (n > len) return NULL;
  for (size_t i = len - n + 1; i-- > 0;)
    if (!memcmp(s + i, pat, n)) return s + i;
  return NULL;
}

// The length of the line starting at [p] (up to \r, \n or [end]).
static size_t line_len(const char *p, const char *end) {
  const char *q = p;
  while (q < end && *q != '\n' && *q != '\r')
    q++;
  return (size_t)(q - p);
}

int crash_parse(const char *s, size_t len, crash_info_t *ci) {
  const char *end = s + len;
  ci->rst_cause = -1;
  ci->boot_mode[0] = '\0';
  ci->exception[0] = '\0';
  int found = 0;
  const char *rst = last_of(s, len, "rst cause:");
  if (rst) {
    const char *p = rst + strlen("rst cause:");
    if (p < end && *p >= '0' && *p <= '9') {
      int v = 0;
      while (p < end && *p >= '0' && *p <= '9' && v < 100000)
        v = v * 10 + (*p++ - '0');
      ci->rst_cause = v;
      found = 1;
    }
    size_t ll = line_len(rst, end);
    const char *bm = last_of(rst, ll, "boot mode:");
    if (bm) {
      const char *q = bm + strlen("boot mode:");
      size_t n = 0;
      while (q + n < rst + ll && n + 1 < sizeof ci->boot_mode && q[n] != ' ')
        n++;
      memcpy(ci->boot_mode, q, n);
      ci->boot_mode[n] = '\0';
    }
  }
  // The last dump, whichever form it has.
  static const char *const heads[] = {"Fatal exception ", "Exception (", "Soft WDT reset", "wdt reset"};
  const char *dump = NULL;
  for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
    const char *d = last_of(s, len, heads[i]);
    if (d && (!dump || d > dump)) dump = d;
  }
  if (dump) {
    found = 1;
    size_t o = 0;
    const char *p = dump;
    for (int lines = 0; lines < 3 && p < end; lines++) {
      size_t n = line_len(p, end);
      if (lines > 0 && !(n >= 5 && (!memcmp(p, "epc1=", 5) || !memcmp(p, "ctx: ", 5) ||
                                    !memcmp(p, "sp: ", 4) || !memcmp(p, "excvaddr", 8))))
        break;
      if (o + n + 2 >= sizeof ci->exception) n = sizeof ci->exception - o - 2;
      if (lines > 0) ci->exception[o++] = '\n';
      memcpy(ci->exception + o, p, n);
      o += n;
      ci->exception[o] = '\0';
      p += n;
      while (p < end && (*p == '\r' || *p == '\n'))
        p++;
      if (o + 2 >= sizeof ci->exception) break;
    }
  }
  return found;
}
