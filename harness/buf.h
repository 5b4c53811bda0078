// SPDX-License-Identifier: MIT
// buf.h: a byte buffer that grows on demand up to a fixed cap and refuses
// to grow past it. Always NUL-terminated (the NUL is not counted in len),
// so text can be handed to printf-style functions as it is.
#ifndef RIG_BUF_H
#define RIG_BUF_H

#include "rig_status.h"

#include <stddef.h>

typedef struct {
  char *data;    // NULL until the first append; then len + 1 bytes valid
  size_t len;    // bytes held
  size_t alloc;  // bytes allocated
  size_t max;    // cap on len
  int truncated; // set when an append did not fit
} buf_t;

// Sets [b] up empty with a cap of [max] bytes. No allocation yet.
void buf_init(buf_t *b, size_t max);

// Appends [len] bytes. Appends what fits and returns RIG_E_OVERFLOW (and
// sets truncated) when the cap is reached; RIG_E_NOMEM when malloc fails.
rig_status_t buf_append(buf_t *b, const void *data, size_t len);
rig_status_t buf_append_str(buf_t *b, const char *s);
rig_status_t buf_printf(buf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

// The contents as a C string ("" when empty). Valid until the next append.
const char *buf_str(const buf_t *b);

// Empties the buffer, keeping the allocation.
void buf_reset(buf_t *b);

// Releases the memory; the buffer is then empty and can be reused.
void buf_free(buf_t *b);

#endif
