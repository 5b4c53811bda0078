// SPDX-License-Identifier: MIT
// report_export.h: a finished (or running) report.json written as JUnit
// XML for CI systems and as one self-contained HTML page for people.
//
//   report_export_junit("runs/X/report.json", "runs/X/junit.xml", err, sizeof err);
//   report_export_html("runs/X/report.json", "runs/X/report.html", err, sizeof err);
//
// Both read only the report (never the farm file, so no secret can reach
// them) and write atomically (temporary file, rename).
#ifndef RIG_REPORT_EXPORT_H
#define RIG_REPORT_EXPORT_H

#include "rig_status.h"

#include <stddef.h>

// JUnit XML: a <testsuite> per board, a <testcase> per result (classname
// BOARD.DIR, name FILE[#run]); fail -> <failure>, timeout and crash ->
// <error>, skip and skip_too_large -> <skipped>, infra -> <skipped
// message="infra: ..."> (infra is never a product failure).
rig_status_t report_export_junit(const char *report, const char *out, char *err, size_t errlen);

// HTML: the board x test matrix coloured by verdict (pass counts with
// --repeat), per-board health (resets, timeouts, crashes, lost),
// durations, and for every result that is not a pass its reason, diff,
// traceback and console tail, with a link to the board's transcript.
rig_status_t report_export_html(const char *report, const char *out, char *err, size_t errlen);

#endif
