// SPDX-License-Identifier: MIT
// buf.c: bounded growable byte buffers (see buf.h).
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(buf_t *b, size_t max) {
  memset(b, 0, sizeof *b);
  b->max = max;
}

// Makes room for [need] bytes plus the NUL.
static rig_status_t reserve(buf_t *b, size_t need) {
  if (need + 1 <= b->alloc) return RIG_OK;
  size_t n = b->alloc ? b->alloc : 256;
  while (n < need + 1)
    n *= 2;
  char *p = realloc(b->data, n);
  if (!p) return RIG_E_NOMEM;
  b->data = p;
  b->alloc = n;
  return RIG_OK;
}

rig_status_t buf_append(buf_t *b, const void *data, size_t len) {
  rig_status_t st = RIG_OK;
  if (len > b->max - b->len) {
    len = b->max - b->len;
    b->truncated = 1;
    st = RIG_E_OVERFLOW;
  }
  rig_status_t r = reserve(b, b->len + len);
  if (r != RIG_OK) return r;
  if (len) memcpy(b->data + b->len, data, len);
  b->len += len;
  b->data[b->len] = '\0';
  return st;
}

rig_status_t buf_append_str(buf_t *b, const char *s) {
  return buf_append(b, s, strlen(s));
}

rig_status_t buf_printf(buf_t *b, const char *fmt, ...) {
  char small[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) return RIG_E_IO;
  if ((size_t)n < sizeof small) return buf_append(b, small, (size_t)n);
  char *big = malloc((size_t)n + 1);
  if (!big) return RIG_E_NOMEM;
  va_start(ap, fmt);
  vsnprintf(big, (size_t)n + 1, fmt, ap);
  va_end(ap);
  rig_status_t st = buf_append(b, big, (size_t)n);
  free(big);
  return st;
}

const char *buf_str(const buf_t *b) {
  return b->data ? b->data : "";
}

void buf_reset(buf_t *b) {
  b->len = 0;
  b->truncated = 0;
  if (b->data) b->data[0] = '\0';
}

void buf_free(buf_t *b) {
  free(b->data);
  size_t max = b->max;
  buf_init(b, max);
}
