// SPDX-License-Identifier: MIT
// loopback_html.c: loopback figures and pictures in the HTML report (see
// loopback_html.h).
#include "loopback_html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PICTURE_MAX (2u << 20)

static void esc(buf_t *b, const char *s) {
  for (; s && *s; s++) {
    switch (*s) {
    case '<': buf_append_str(b, "&lt;"); break;
    case '>': buf_append_str(b, "&gt;"); break;
    case '&': buf_append_str(b, "&amp;"); break;
    case '"': buf_append_str(b, "&quot;"); break;
    default: buf_append(b, s, 1);
    }
  }
}

static void number(buf_t *h, json_t *v) {
  if (json_is_number(v))
    buf_printf(h, "<td>%.6g</td>", json_number_value(v));
  else
    buf_append_str(h, "<td></td>");
}

// Inlines an SVG file written by the rig (only a name from the report, no
// directories, so a report cannot pull in other files).
static void picture(buf_t *h, const char *run_dir, const char *name) {
  if (!name || strchr(name, '/') || strstr(name, "..")) return;
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", run_dir, name);
  FILE *f = fopen(path, "rb");
  if (!f) {
    buf_append_str(h, "<p>(picture ");
    esc(h, name);
    buf_append_str(h, " missing)</p>\n");
    return;
  }
  char *text = malloc(PICTURE_MAX + 1);
  size_t n = text ? fread(text, 1, PICTURE_MAX, f) : 0;
  fclose(f);
  if (n && !strncmp(text, "<svg", 4)) {
    buf_append_str(h, "<div class=pic>");
    buf_append(h, text, n);
    buf_append_str(h, "</div>\n");
  }
  free(text);
}

void loopback_html(buf_t *h, json_t *lb, const char *run_dir) {
  if (!json_is_object(lb)) return;
  buf_append_str(h, "<div class=k>loopback ");
  esc(h, json_string_value(json_object_get(lb, "check")));
  buf_printf(h, ": %s</div>\n",
             json_is_true(json_object_get(lb, "ok")) ? "ok" : "<b style=\"color:#d33\">FAIL</b>");
  json_t *cap = json_object_get(lb, "capture");
  if (cap) {
    buf_append_str(h, "<p>capture (");
    esc(h, json_string_value(json_object_get(cap, "source")));
    buf_append_str(h, "): <a href=\"");
    esc(h, json_string_value(json_object_get(cap, "file")));
    buf_append_str(h, "\">");
    esc(h, json_string_value(json_object_get(cap, "file")));
    buf_printf(h, "</a>, %lld edges in %.3f ms</p>\n",
               (long long)json_integer_value(json_object_get(cap, "edges")),
               (double)json_integer_value(json_object_get(cap, "duration_ns")) / 1e6);
  }
  size_t i;
  json_t *v;
  buf_append_str(h, "<table><tr><th>figure</th><th>n</th><th>min</th><th>mean</th><th>max</th><th>stdev</th>"
                    "<th>window</th><th>unit</th><th></th></tr>\n");
  json_array_foreach(json_object_get(lb, "figures"), i, v) {
    int ok = json_is_true(json_object_get(v, "ok"));
    buf_append_str(h, "<tr><td>");
    esc(h, json_string_value(json_object_get(v, "name")));
    buf_printf(h, "</td><td>%lld</td>", (long long)json_integer_value(json_object_get(v, "n")));
    number(h, json_object_get(v, "min"));
    number(h, json_object_get(v, "mean"));
    number(h, json_object_get(v, "max"));
    number(h, json_object_get(v, "stdev"));
    json_t *lo = json_object_get(v, "window_min"), *hi = json_object_get(v, "window_max");
    buf_append_str(h, "<td>");
    if (lo) buf_printf(h, "%.6g", json_number_value(lo));
    if (lo || hi) buf_append_str(h, "..");
    if (hi) buf_printf(h, "%.6g", json_number_value(hi));
    buf_append_str(h, "</td><td>");
    esc(h, json_string_value(json_object_get(v, "unit")));
    buf_printf(h, "</td><td style=\"color:%s\">%s</td></tr>\n", ok ? "#3a3" : "#d33", ok ? "ok" : "OUT");
  }
  buf_append_str(h, "</table>\n");
  static const char *const lists[] = {"problems", "notes"};
  for (int k = 0; k < 2; k++) {
    json_t *arr = json_object_get(lb, lists[k]);
    if (!json_array_size(arr)) continue;
    buf_printf(h, "<div class=k>%s</div><ul>\n", lists[k]);
    json_array_foreach(arr, i, v) {
      buf_append_str(h, "<li>");
      esc(h, json_string_value(v));
      buf_append_str(h, "</li>\n");
    }
    buf_append_str(h, "</ul>\n");
  }
  json_array_foreach(json_object_get(lb, "pictures"), i, v) picture(h, run_dir, json_string_value(v));
}

void loopback_junit(buf_t *x, json_t *lb) {
  if (!json_is_object(lb)) return;
  buf_printf(x, "      <properties>\n        <property name=\"loopback.ok\" value=\"%s\"/>\n",
             json_is_true(json_object_get(lb, "ok")) ? "true" : "false");
  size_t i;
  json_t *f;
  json_array_foreach(json_object_get(lb, "figures"), i, f) {
    static const char *const stats[] = {"min", "mean", "max"};
    for (int k = 0; k < 3; k++) {
      json_t *v = json_object_get(f, stats[k]);
      if (!json_is_number(v)) continue;
      buf_append_str(x, "        <property name=\"loopback.");
      esc(x, json_string_value(json_object_get(f, "name")));
      buf_printf(x, ".%s\" value=\"%.6g", stats[k], json_number_value(v));
      const char *unit = json_string_value(json_object_get(f, "unit"));
      if (unit && *unit) {
        buf_append_str(x, " ");
        esc(x, unit);
      }
      buf_append_str(x, "\"/>\n");
    }
  }
  buf_append_str(x, "      </properties>\n");
}
