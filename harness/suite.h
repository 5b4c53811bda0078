// SPDX-License-Identifier: MIT
// suite.h: finding the tests to run and reading their header lines.
//
// A test is X.py with X.py.exp beside it. Its id is its path relative to
// the conformance root: the nearest directory named "conformance" at or
// above it, else the directory given on the command line (or the file's
// own directory for a file given alone). Ids use '/' and sort bytewise.
#ifndef RIG_SUITE_H
#define RIG_SUITE_H

#include "rig_status.h"

#include <stddef.h>

#define SUITE_MAX_TESTS 20000

typedef struct {
  char *id;       // e.g. "lang/arith_int.py"
  char *path;     // the .py file, as found
  char *exp_path; // the .py.exp beside it
} suite_test_t;

typedef struct {
  suite_test_t *tests;
  size_t count, cap;
  size_t ignored;           // .py files found without a .py.exp
  char first_ignored[4096]; // the first of them, for the note
  char err[1024];
} suite_t;

void suite_init(suite_t *s);
void suite_free(suite_t *s);

// Adds [path]: a .py file (which must have its .exp) or a directory
// searched recursively (hidden entries skipped). RIG_E_FILE with a message
// in s->err for a missing path or a file without .exp.
rig_status_t suite_add_path(suite_t *s, const char *path);

// Sorts by id and drops duplicates; then keeps only ids containing
// [filter] when it is not NULL.
void suite_finish(suite_t *s, const char *filter);

// What a test's leading comment lines declare.
typedef struct {
  char skip[512]; // "# skip: REASON": non-empty when the test is always skipped
  int has_skip;
  char requires[512]; // "# requires: a, b": the list, normalised to "a, b"
  int timeout_ms;     // "# timeout: N" seconds (decimals allowed), 0 when absent
  int inactivity_ms;  // "# inactivity: N": longest silence allowed, 0 when absent
  char host[256];     // "# host: echo, broker": peers the rig starts (host_peers.h)
} test_header_t;

// Reads the header of a test source: the leading lines that are blank or
// start with '#'. Unknown keys are ignored. RIG_E_USAGE (and [err]) for a
// malformed value, such as a timeout that is not a positive number.
rig_status_t test_header_parse(const char *src, size_t len, test_header_t *h, char *err, size_t errlen);

// Copies into [out] the entries of [requires] not in [have] (both
// comma-separated), joined with ", ". Returns their number.
int test_header_missing(const char *requires, const char *have, char *out, size_t outlen);

// Reads a whole file (at most [max] bytes) into a NUL-terminated malloc'd
// buffer. NULL with errno set on failure (EFBIG when too big).
char *suite_read_file(const char *path, size_t max, size_t *len);

#endif
