// SPDX-License-Identifier: MIT
// test_util.h: shared helpers of the runtime's Check tests.
#ifndef TEST_UTIL_H
#define TEST_UTIL_H

#include <stddef.h>

#include "runtime.h"

// (Re)initialises the runtime over a fresh heap of [size] bytes.
void tu_init(size_t size);
// Frees the heap.
void tu_done(void);
// Runs [src] as "<stdin>"; returns the status and sets *out to the
// console output with "\r\n" turned into "\n" (valid until the next call).
rt_exec_status_t tu_run(const char *src, const char **out);
// Feeds [len] input bytes to rt_repl in [mode]; returns the REPL result
// and sets *out to the raw console output (bytes exactly as written) and
// *out_len to its length.
rt_repl_result_t tu_repl(rt_repl_mode_t *mode, const char *in, size_t len, const char **out, size_t *out_len);

#endif
