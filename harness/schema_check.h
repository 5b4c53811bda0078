// SPDX-License-Identifier: MIT
// schema_check.h: a small JSON Schema validator, enough for the report
// schema and its tests.
//
// Keywords: type (name or list; "integer" accepts integral reals), enum,
// const, required, properties, additionalProperties (bool or schema),
// items (one schema for every element), minItems, minimum, maximum,
// minLength, pattern (POSIX extended regular expression, searched
// anywhere unless anchored), allOf, anyOf, and $ref to "#" or "#/..."
// JSON pointers into the same document ($defs). Other keywords ($schema,
// $id, title, description, ...) are ignored.
#ifndef RIG_SCHEMA_CHECK_H
#define RIG_SCHEMA_CHECK_H

#include "buf.h"

#include <jansson.h>

#define SCHEMA_MAX_ERRORS 50

// Validates [instance] against [schema]. RIG_OK when valid; RIG_E_SCHEMA
// with one line per problem ("/tests/3/outcome: ...") appended to [errors]
// (at most SCHEMA_MAX_ERRORS lines).
rig_status_t schema_check(const json_t *schema, const json_t *instance, buf_t *errors);

// Loads both files and validates. RIG_E_FILE / RIG_E_JSON (message in
// [errors]) when a file cannot be read or parsed.
rig_status_t schema_check_files(const char *schema_path, const char *instance_path, buf_t *errors);

// The default report schema: ../../reports/report.schema.json relative to
// the directory of the running executable (build/harness/rig -> the
// source tree's reports/ for an in-tree build dir), else the path compiled
// in as RIG_DEFAULT_SCHEMA (the source tree's reports/report.schema.json).
// Copies into [out]; returns 0 when no candidate exists.
int schema_default_path(char *out, size_t cap);

#endif
