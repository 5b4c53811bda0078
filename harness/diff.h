// SPDX-License-Identifier: MIT
// diff.h: a unified-style line diff of expected and actual test output.
#ifndef RIG_DIFF_H
#define RIG_DIFF_H

#include "buf.h"

#define DIFF_CONTEXT 3 // unchanged lines shown around each change

// Appends to [out] the diff from [a] (labelled "expected") to [b]
// ("actual"): "--- expected", "+++ actual", then @@ hunks with ' ', '-'
// and '+' lines. A last line without a newline is followed by
// "\ No newline at end of file". Appends nothing when the texts are equal.
// Inputs too big for the quadratic matcher are diffed as one replaced
// block after their common head and tail.
rig_status_t diff_lines(const char *a, size_t alen, const char *b, size_t blen, buf_t *out);

#endif
