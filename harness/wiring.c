// SPDX-License-Identifier: MIT
// wiring.c: reading wiring maps for the loopback checks (see wiring.h).
#include "wiring.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

void wiring_free(wiring_t *w) {
  for (int i = 0; i < w->ndevices; i++)
    json_decref(w->devices[i].json);
  memset(w, 0, sizeof *w);
}

rig_status_t wiring_load(wiring_t *w, const char *const *names, int n, const char *dir, char *err,
                         size_t errlen) {
  memset(w, 0, sizeof *w);
  for (int i = 0; i < n; i++) {
    char path[1024];
    size_t len = strlen(names[i]);
    if (strchr(names[i], '/') || (len > 5 && !strcmp(names[i] + len - 5, ".json")))
      snprintf(path, sizeof path, "%s", names[i]);
    else
      snprintf(path, sizeof path, "%s/%s.json", dir, names[i]);
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    if (!root) {
      snprintf(err, errlen, "wiring %s: %s:%d: %s", names[i], path, je.line, je.text);
      wiring_free(w);
      return je.line > 0 ? RIG_E_JSON : RIG_E_FILE;
    }
    json_t *devices = json_object_get(root, "devices");
    if (!json_is_array(devices)) {
      snprintf(err, errlen, "wiring %s: %s: no \"devices\" list", names[i], path);
      json_decref(root);
      wiring_free(w);
      return RIG_E_SCHEMA;
    }
    size_t k;
    json_t *dev;
    json_array_foreach(devices, k, dev) {
      const char *type = json_string_value(json_object_get(dev, "type"));
      if (!type || w->ndevices >= WIRING_MAX_DEVICES) {
        snprintf(err, errlen, "wiring %s: devices[%zu]: %s", names[i], k,
                 type ? "too many devices" : "no \"type\"");
        json_decref(root);
        wiring_free(w);
        return RIG_E_SCHEMA;
      }
      wiring_device_t *d = &w->devices[w->ndevices++];
      snprintf(d->type, sizeof d->type, "%s", type);
      const char *slash = strrchr(names[i], '/');
      snprintf(d->fixture, sizeof d->fixture, "%s", slash ? slash + 1 : names[i]);
      d->json = json_incref(dev);
    }
    json_decref(root);
  }
  return RIG_OK;
}

const wiring_device_t *wiring_find(const wiring_t *w, const char *type, int index) {
  for (int i = 0; i < w->ndevices; i++)
    if (!strcmp(w->devices[i].type, type) && index-- == 0) return &w->devices[i];
  return NULL;
}

int wiring_count(const wiring_t *w, const char *type) {
  int n = 0;
  for (int i = 0; i < w->ndevices; i++)
    n += !strcmp(w->devices[i].type, type);
  return n;
}

long wiring_int(const wiring_device_t *d, const char *key, long dflt) {
  json_t *v = d ? json_object_get(d->json, key) : NULL;
  return json_is_integer(v) ? (long)json_integer_value(v) : dflt;
}

double wiring_number(const wiring_device_t *d, const char *key, double dflt) {
  json_t *v = d ? json_object_get(d->json, key) : NULL;
  return json_is_number(v) ? json_number_value(v) : dflt;
}

const char *wiring_str(const wiring_device_t *d, const char *key) {
  return d ? json_string_value(json_object_get(d->json, key)) : NULL;
}

static void python_value(json_t *v, buf_t *out) {
  switch (json_typeof(v)) {
  case JSON_INTEGER: buf_printf(out, "%lld", (long long)json_integer_value(v)); break;
  case JSON_REAL: buf_printf(out, "%.17g", json_real_value(v)); break;
  case JSON_TRUE: buf_append_str(out, "True"); break;
  case JSON_FALSE: buf_append_str(out, "False"); break;
  case JSON_NULL: buf_append_str(out, "None"); break;
  case JSON_STRING: {
    buf_append_str(out, "'");
    for (const char *p = json_string_value(v); *p; p++) {
      unsigned char c = (unsigned char)*p;
      if (c == '\\' || c == '\'')
        buf_printf(out, "\\%c", c);
      else if (c < 0x20 || c >= 0x7f)
        buf_printf(out, "\\x%02x", c);
      else
        buf_append(out, p, 1);
    }
    buf_append_str(out, "'");
    break;
  }
  case JSON_ARRAY: {
    buf_append_str(out, "[");
    size_t i;
    json_t *e;
    json_array_foreach(v, i, e) {
      if (i) buf_append_str(out, ", ");
      python_value(e, out);
    }
    buf_append_str(out, "]");
    break;
  }
  case JSON_OBJECT: {
    buf_append_str(out, "{");
    const char *key;
    json_t *e;
    int first = 1;
    json_object_foreach(v, key, e) {
      if (!first) buf_append_str(out, ", ");
      first = 0;
      json_t *k = json_string(key);
      python_value(k, out);
      json_decref(k);
      buf_append_str(out, ": ");
      python_value(e, out);
    }
    buf_append_str(out, "}");
    break;
  }
  }
}

void wiring_python(const wiring_device_t *d, buf_t *out) {
  python_value(d->json, out);
}
