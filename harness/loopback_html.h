// SPDX-License-Identifier: MIT
// loopback_html.h: a loopback result in the exported reports. In the HTML
// page: the figures as a table against their windows, the problems and
// notes, and the pictures (svg.h) read from the run directory and embedded
// inline, so the page stays one self-contained file. In JUnit: the figures
// as the test case's properties, for CI systems that chart them.
#ifndef RIG_LOOPBACK_HTML_H
#define RIG_LOOPBACK_HTML_H

#include "buf.h"

#include <jansson.h>

// Appends the section for the result's "loopback" object [lb]; [run_dir]
// is the directory the report (and the pictures) are in.
void loopback_html(buf_t *h, json_t *lb, const char *run_dir);

// Appends "<properties>" with loopback.FIGURE.min/mean/max (value with its
// unit) and loopback.ok for the test case of [lb].
void loopback_junit(buf_t *x, json_t *lb);

#endif
