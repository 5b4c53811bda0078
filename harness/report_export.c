// SPDX-License-Identifier: MIT
// report_export.c: JUnit XML and HTML from a report (see report_export.h).
#include "report_export.h"

#include "buf.h"
#include "loopback_html.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EXPORT_MAX (256u * 1024 * 1024)

static json_t *load(const char *path, char *err, size_t errlen, rig_status_t *st) {
  json_error_t je;
  json_t *root = json_load_file(path, 0, &je);
  if (!root) {
    *st = access(path, R_OK) < 0 ? RIG_E_FILE : RIG_E_JSON;
    if (*st == RIG_E_FILE)
      snprintf(err, errlen, "%s: %s", path, strerror(errno));
    else
      snprintf(err, errlen, "%s:%d:%d: %s", path, je.line, je.column, je.text);
    return NULL;
  }
  if (!json_is_array(json_object_get(root, "tests"))) {
    snprintf(err, errlen, "%s: no \"tests\" array (not a rig report?)", path);
    json_decref(root);
    *st = RIG_E_JSON;
    return NULL;
  }
  *st = RIG_OK;
  return root;
}

// Writes [b] to [path] through a temporary file renamed over it.
static rig_status_t write_atomic(const char *path, const buf_t *b, char *err, size_t errlen) {
  char tmp[PATH_MAX + 16];
  snprintf(tmp, sizeof tmp, "%s.tmp", path);
  FILE *f = fopen(tmp, "wb");
  if (!f) {
    snprintf(err, errlen, "cannot write %s: %s", tmp, strerror(errno));
    return RIG_E_FILE;
  }
  int bad = fwrite(buf_str(b), 1, b->len, f) != b->len;
  bad |= fflush(f) != 0 || fsync(fileno(f)) != 0;
  bad |= fclose(f) != 0;
  if (bad || rename(tmp, path) < 0) {
    snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
    unlink(tmp);
    return RIG_E_FILE;
  }
  return RIG_OK;
}

static const char *str(json_t *o, const char *key) {
  const char *s = json_string_value(json_object_get(o, key));
  return s ? s : "";
}

// Text for XML and HTML: the five specials escaped, and control
// characters XML 1.0 forbids (all but tab, LF, CR; ESC of colour codes)
// shown as U+FFFD. The input is UTF-8 (reports are).
static void esc(buf_t *b, const char *s) {
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    switch (c) {
    case '&': buf_append_str(b, "&amp;"); break;
    case '<': buf_append_str(b, "&lt;"); break;
    case '>': buf_append_str(b, "&gt;"); break;
    case '"': buf_append_str(b, "&quot;"); break;
    case '\'': buf_append_str(b, "&#39;"); break;
    default:
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        buf_append_str(b, "\xEF\xBF\xBD");
      else
        buf_append(b, s, 1);
    }
  }
}

// A board's name for a result ("board" in schema 2, else the target).
static const char *board_of(json_t *root, json_t *t) {
  const char *b = json_string_value(json_object_get(t, "board"));
  if (b) return b;
  const char *target = json_string_value(json_object_get(root, "target"));
  return target ? target : "board";
}

// ---- JUnit -----------------------------------------------------------

rig_status_t report_export_junit(const char *report, const char *out, char *err, size_t errlen) {
  rig_status_t st;
  json_t *root = load(report, err, errlen, &st);
  if (!root) return st;
  json_t *tests = json_object_get(root, "tests");
  // The boards, in first-seen order.
  json_t *boards = json_array();
  json_t *seen = json_object();
  size_t i;
  json_t *t;
  json_array_foreach(tests, i, t) {
    const char *b = board_of(root, t);
    if (!json_object_get(seen, b)) {
      json_object_set_new(seen, b, json_true());
      json_array_append_new(boards, json_string(b));
    }
  }
  buf_t x;
  buf_init(&x, EXPORT_MAX);
  int all_fail = 0, all_err = 0, all_skip = 0;
  double all_time = 0;
  buf_t body;
  buf_init(&body, EXPORT_MAX);
  size_t bi;
  json_t *bj;
  json_array_foreach(boards, bi, bj) {
    const char *board = json_string_value(bj);
    int n = 0, nf = 0, ne = 0, ns = 0;
    double time = 0;
    buf_t cases;
    buf_init(&cases, EXPORT_MAX);
    json_array_foreach(tests, i, t) {
      if (strcmp(board_of(root, t), board)) continue;
      const char *id = str(t, "id"), *oc = str(t, "outcome"), *reason = str(t, "reason");
      double secs = (double)json_integer_value(json_object_get(t, "duration_ms")) / 1000.0;
      time += secs;
      n++;
      char cls[512], name[512];
      const char *slash = strrchr(id, '/');
      snprintf(cls, sizeof cls, "%s.%.*s", board, slash ? (int)(slash - id) : 0, id);
      for (char *p = cls + strlen(board) + 1; *p; p++)
        if (*p == '/') *p = '.';
      json_int_t run = json_integer_value(json_object_get(t, "run"));
      if (run > 0)
        snprintf(name, sizeof name, "%s#%lld", slash ? slash + 1 : id, (long long)run);
      else
        snprintf(name, sizeof name, "%s", slash ? slash + 1 : id);
      buf_append_str(&cases, "    <testcase classname=\"");
      esc(&cases, cls);
      buf_append_str(&cases, "\" name=\"");
      esc(&cases, name);
      buf_printf(&cases, "\" time=\"%.3f\">\n", secs);
      loopback_junit(&cases, json_object_get(t, "loopback"));
      if (!strcmp(oc, "fail")) {
        nf++;
        buf_append_str(&cases, "      <failure type=\"fail\" message=\"");
        esc(&cases, reason);
        buf_append_str(&cases, "\">");
        esc(&cases, str(t, "diff"));
        if (json_object_get(t, "stderr")) esc(&cases, str(t, "stderr"));
        buf_append_str(&cases, "</failure>\n");
      } else if (!strcmp(oc, "timeout") || !strcmp(oc, "crash")) {
        ne++;
        buf_printf(&cases, "      <error type=\"%s\" message=\"", oc);
        esc(&cases, reason);
        buf_append_str(&cases, "\">");
        esc(&cases, str(t, "console_tail"));
        buf_append_str(&cases, "</error>\n");
      } else if (strcmp(oc, "pass")) {
        ns++;
        buf_append_str(&cases, "      <skipped message=\"");
        if (!strcmp(oc, "infra")) buf_append_str(&cases, "infra: ");
        if (!strcmp(oc, "skip_too_large")) buf_append_str(&cases, "too large: ");
        esc(&cases, reason);
        buf_append_str(&cases, "\"/>\n");
      }
      if (json_object_get(t, "actual") && strcmp(oc, "pass")) {
        buf_append_str(&cases, "      <system-out>");
        esc(&cases, str(t, "actual"));
        buf_append_str(&cases, "</system-out>\n");
      }
      buf_append_str(&cases, "    </testcase>\n");
    }
    buf_append_str(&body, "  <testsuite name=\"");
    esc(&body, board);
    buf_printf(&body, "\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"%d\" time=\"%.3f\">\n", n, nf,
               ne, ns, time);
    buf_append(&body, buf_str(&cases), cases.len);
    buf_append_str(&body, "  </testsuite>\n");
    buf_free(&cases);
    all_fail += nf, all_err += ne, all_skip += ns, all_time += time;
  }
  buf_append_str(&x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"rig ");
  esc(&x, str(root, "run_id"));
  buf_printf(&x, "\" tests=\"%zu\" failures=\"%d\" errors=\"%d\" skipped=\"%d\" time=\"%.3f\">\n",
             json_array_size(tests), all_fail, all_err, all_skip, all_time);
  buf_append(&x, buf_str(&body), body.len);
  buf_append_str(&x, "</testsuites>\n");
  st = x.truncated ? (snprintf(err, errlen, "JUnit output too large"), RIG_E_OVERFLOW)
                   : write_atomic(out, &x, err, errlen);
  buf_free(&x);
  buf_free(&body);
  json_decref(boards);
  json_decref(seen);
  json_decref(root);
  return st;
}

// ---- HTML ------------------------------------------------------------

static const char *colour(const char *verdict) {
  if (!strcmp(verdict, "pass")) return "#3a3";
  if (!strcmp(verdict, "fail")) return "#d33";
  if (!strcmp(verdict, "timeout")) return "#e80";
  if (!strcmp(verdict, "crash")) return "#909";
  if (!strcmp(verdict, "infra")) return "#888";
  if (!strcmp(verdict, "flaky")) return "#db0";
  if (!strcmp(verdict, "skip_too_large")) return "#8ac";
  return "#ccc"; // skip
}

static void html_pre(buf_t *h, const char *title, const char *text) {
  if (!text || !*text) return;
  buf_printf(h, "<div class=k>%s</div><pre>", title);
  esc(h, text);
  buf_append_str(h, "</pre>\n");
}

rig_status_t report_export_html(const char *report, const char *out, char *err, size_t errlen) {
  rig_status_t st;
  json_t *root = load(report, err, errlen, &st);
  if (!root) return st;
  json_t *tests = json_object_get(root, "tests");
  json_t *boards = json_object_get(root, "boards");
  // The pictures of loopback checks lie beside the report.
  char run_dir[PATH_MAX];
  snprintf(run_dir, sizeof run_dir, "%s", report);
  char *slash = strrchr(run_dir, '/');
  if (slash)
    *slash = '\0';
  else
    snprintf(run_dir, sizeof run_dir, ".");
  buf_t h;
  buf_init(&h, EXPORT_MAX);
  buf_append_str(&h, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>rig run ");
  esc(&h, str(root, "run_id"));
  buf_append_str(&h, "</title>\n<style>\n"
                     "body{font:14px sans-serif;margin:1em}table{border-collapse:collapse}"
                     "td,th{border:1px solid #ccc;padding:2px 6px;font-size:12px}"
                     "th.b{writing-mode:vertical-rl}td.c{min-width:2.5em;text-align:center;color:#fff}"
                     "td.c a{color:#fff;text-decoration:none}pre{background:#f4f4f4;padding:4px;"
                     "max-height:20em;overflow:auto;white-space:pre-wrap}.k{font-weight:bold;margin-top:4px}"
                     ".legend span{padding:2px 6px;color:#fff;margin-right:4px}"
                     "</style></head><body>\n<h1>rig run ");
  esc(&h, str(root, "run_id"));
  buf_append_str(&h, "</h1>\n<p>status <b>");
  esc(&h, str(root, "status"));
  buf_append_str(&h, "</b>, started ");
  esc(&h, str(root, "started"));
  buf_append_str(&h, ", finished ");
  esc(&h, json_is_string(json_object_get(root, "finished")) ? str(root, "finished") : "(running)");
  if (json_object_get(root, "farm")) {
    buf_append_str(&h, ", farm ");
    esc(&h, str(root, "farm"));
  }
  json_int_t repeat = json_integer_value(json_object_get(root, "repeat"));
  if (repeat > 1) buf_printf(&h, ", each test run %lld times", (long long)repeat);
  buf_append_str(&h, ".</p>\n<p class=legend>");
  static const char *const verdicts[] = {"pass",  "fail", "timeout",        "crash",
                                         "flaky", "skip", "skip_too_large", "infra"};
  for (size_t k = 0; k < sizeof verdicts / sizeof verdicts[0]; k++)
    buf_printf(&h, "<span style=\"background:%s\">%s</span>", colour(verdicts[k]), verdicts[k]);
  buf_append_str(&h, "</p>\n");

  // Counts.
  json_t *counts = json_object_get(root, "counts");
  buf_append_str(&h, "<p>");
  const char *ck;
  json_t *cv;
  json_object_foreach(counts, ck, cv)
      buf_printf(&h, "%s <b>%lld</b> &nbsp; ", ck, (long long)json_integer_value(cv));
  buf_append_str(&h, "</p>\n");

  // Boards and health.
  json_t *names = json_array();
  if (json_is_array(boards)) {
    buf_append_str(&h,
                   "<h2>Boards</h2>\n<table><tr><th>board</th><th>module</th><th>wiring</th><th>firmware</th>"
                   "<th>state</th><th>soft resets</th><th>hard resets</th><th>power cycles</th>"
                   "<th>timeouts</th><th>crashes</th><th>time (s)</th><th>transcript</th></tr>\n");
    size_t bi;
    json_t *b;
    json_array_foreach(boards, bi, b) {
      const char *name = str(b, "name");
      json_array_append_new(names, json_string(name));
      json_t *hl = json_object_get(b, "health");
      json_t *fw = json_object_get(b, "firmware");
      double secs = 0;
      size_t i;
      json_t *t;
      json_array_foreach(tests, i, t) if (!strcmp(board_of(root, t), name)) secs +=
          (double)json_integer_value(json_object_get(t, "duration_ms")) / 1000.0;
      buf_append_str(&h, "<tr><td>");
      esc(&h, name);
      buf_append_str(&h, "</td><td>");
      esc(&h, str(b, "module"));
      buf_append_str(&h, "</td><td>");
      size_t wi;
      json_t *w;
      json_array_foreach(json_object_get(b, "wiring"), wi, w) {
        esc(&h, json_string_value(w) ? json_string_value(w) : "");
        buf_append_str(&h, " ");
      }
      buf_append_str(&h, "</td><td>");
      esc(&h, str(fw, "name"));
      buf_append_str(&h, " ");
      esc(&h, str(fw, "release"));
      buf_append_str(&h, " ");
      esc(&h, str(fw, "build"));
      buf_append_str(&h, "</td><td>");
      esc(&h, str(hl, "state"));
      if (json_object_get(hl, "lost_reason")) {
        buf_append_str(&h, ": ");
        esc(&h, str(hl, "lost_reason"));
      }
      buf_append_str(&h, "</td>");
      static const char *const hk[] = {"soft_resets", "hard_resets", "power_cycles", "timeouts", "crashes"};
      for (size_t k = 0; k < 5; k++)
        buf_printf(&h, "<td>%lld</td>", (long long)json_integer_value(json_object_get(hl, hk[k])));
      buf_printf(&h, "<td>%.1f</td><td><a href=\"", secs);
      esc(&h, str(b, "transcript"));
      buf_append_str(&h, "\">");
      esc(&h, str(b, "transcript"));
      buf_append_str(&h, "</a></td></tr>\n");
    }
    buf_append_str(&h, "</table>\n");
  } else {
    json_array_append_new(names, json_string(str(root, "target")));
  }

  // The matrix: a row per test id, a column per board.
  json_t *ids = json_array(), *idseen = json_object();
  size_t i;
  json_t *t;
  json_array_foreach(tests, i, t) {
    const char *id = str(t, "id");
    if (!json_object_get(idseen, id)) {
      json_object_set_new(idseen, id, json_true());
      json_array_append_new(ids, json_string(id));
    }
  }
  // Verdict per (board, id): per_test when present, else the last outcome.
  json_t *verdict = json_object(), *passes = json_object(), *runs = json_object(), *first = json_object();
  json_array_foreach(tests, i, t) {
    char key[1024];
    snprintf(key, sizeof key, "%s\x1f%s", board_of(root, t), str(t, "id"));
    json_object_set_new(verdict, key, json_string(str(t, "outcome")));
    if (!json_object_get(first, key)) json_object_set_new(first, key, json_integer((json_int_t)i));
  }
  json_t *per = json_object_get(root, "per_test");
  json_array_foreach(per, i, t) {
    char key[1024];
    snprintf(key, sizeof key, "%s\x1f%s", json_object_get(t, "board") ? str(t, "board") : str(root, "target"),
             str(t, "id"));
    json_object_set_new(verdict, key, json_string(str(t, "verdict")));
    json_object_set(passes, key, json_object_get(t, "passes"));
    json_object_set(runs, key, json_object_get(t, "runs"));
  }
  buf_append_str(&h, "<h2>Results</h2>\n<table><tr><th>test</th>");
  size_t bi;
  json_t *bn;
  json_array_foreach(names, bi, bn) {
    buf_append_str(&h, "<th class=b>");
    esc(&h, json_string_value(bn));
    buf_append_str(&h, "</th>");
  }
  buf_append_str(&h, "</tr>\n");
  size_t ii;
  json_t *idj;
  json_array_foreach(ids, ii, idj) {
    const char *id = json_string_value(idj);
    buf_append_str(&h, "<tr><td>");
    esc(&h, id);
    buf_append_str(&h, "</td>");
    json_array_foreach(names, bi, bn) {
      char key[1024];
      snprintf(key, sizeof key, "%s\x1f%s", json_string_value(bn), id);
      const char *v = json_string_value(json_object_get(verdict, key));
      if (!v) {
        buf_append_str(&h, "<td></td>");
        continue;
      }
      json_int_t idx = json_integer_value(json_object_get(first, key));
      json_t *r0 = json_array_get(tests, (size_t)idx);
      buf_printf(&h, "<td class=c style=\"background:%s\" title=\"", colour(v));
      esc(&h, v);
      buf_printf(&h, " %lld ms ", (long long)json_integer_value(json_object_get(r0, "duration_ms")));
      esc(&h, str(r0, "reason"));
      buf_printf(&h, "\"><a href=\"#r%lld\">", (long long)idx);
      if (json_object_get(runs, key) && json_integer_value(json_object_get(runs, key)) > 1)
        buf_printf(&h, "%lld/%lld", (long long)json_integer_value(json_object_get(passes, key)),
                   (long long)json_integer_value(json_object_get(runs, key)));
      else
        buf_append_str(&h, !strcmp(v, "pass") ? "&#10003;" : !strcmp(v, "skip") ? "-" : "&#10007;");
      buf_append_str(&h, "</a></td>");
    }
    buf_append_str(&h, "</tr>\n");
  }
  buf_append_str(&h, "</table>\n<h2>Details</h2>\n");
  json_array_foreach(tests, i, t) {
    const char *oc = str(t, "outcome");
    const char *board = board_of(root, t);
    buf_printf(&h, "<div id=\"r%zu\"><h3 style=\"color:%s\">", i, colour(oc));
    esc(&h, oc);
    buf_append_str(&h, " ");
    esc(&h, board);
    buf_append_str(&h, " ");
    esc(&h, str(t, "id"));
    json_int_t run = json_integer_value(json_object_get(t, "run"));
    if (run > 0) buf_printf(&h, " #%lld", (long long)run);
    buf_printf(&h, " (%lld ms)</h3>\n", (long long)json_integer_value(json_object_get(t, "duration_ms")));
    if (json_object_get(t, "reason")) {
      buf_append_str(&h, "<p>");
      esc(&h, str(t, "reason"));
      buf_append_str(&h, "</p>\n");
    }
    json_t *crash = json_object_get(t, "crash");
    if (crash) {
      buf_append_str(&h, "<p>reset cause: ");
      esc(&h, str(crash, "rst_cause_text"));
      buf_append_str(&h, " ");
      esc(&h, str(crash, "boot_mode"));
      buf_append_str(&h, "</p>\n");
      html_pre(&h, "exception", str(crash, "exception"));
    }
    html_pre(&h, "diff", str(t, "diff"));
    html_pre(&h, "traceback", str(t, "stderr"));
    if (json_object_get(t, "loopback")) loopback_html(&h, json_object_get(t, "loopback"), run_dir);
    if (strcmp(oc, "pass")) html_pre(&h, "console tail", str(t, "console_tail"));
    if (json_object_get(t, "transcript_offset")) {
      buf_append_str(&h, "<p><a href=\"transcript-");
      esc(&h, board);
      buf_printf(&h, ".log\">transcript</a> from byte %lld</p>\n",
                 (long long)json_integer_value(json_object_get(t, "transcript_offset")));
    }
    buf_append_str(&h, "</div>\n");
  }
  buf_append_str(&h, "</body></html>\n");
  st = h.truncated ? (snprintf(err, errlen, "HTML output too large"), RIG_E_OVERFLOW)
                   : write_atomic(out, &h, err, errlen);
  buf_free(&h);
  json_decref(names);
  json_decref(ids);
  json_decref(idseen);
  json_decref(verdict);
  json_decref(passes);
  json_decref(runs);
  json_decref(first);
  json_decref(root);
  return st;
}
