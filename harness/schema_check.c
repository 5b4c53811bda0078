// SPDX-License-Identifier: MIT
// schema_check.c: the JSON Schema subset of schema_check.h, walking the
// schema and the instance together and collecting errors with their JSON
// pointer paths.
#include "schema_check.h"
#include "rig_path.h"

#include <errno.h>
#include <limits.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
  const json_t *root; // the schema document, for $ref
  buf_t *errors;
  int count;
} ctx_t;

static void report_error(ctx_t *c, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void report_error(ctx_t *c, const char *path, const char *fmt, ...) {
  c->count++;
  if (!c->errors || c->count > SCHEMA_MAX_ERRORS) return;
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  buf_printf(c->errors, "%s: %s\n", *path ? path : "/", msg);
}

static const char *type_of(const json_t *j) {
  switch (json_typeof(j)) {
  case JSON_OBJECT: return "object";
  case JSON_ARRAY: return "array";
  case JSON_STRING: return "string";
  case JSON_INTEGER: return "integer";
  case JSON_REAL: return "number";
  case JSON_TRUE:
  case JSON_FALSE: return "boolean";
  case JSON_NULL: return "null";
  }
  return "?";
}

static int has_type(const json_t *j, const char *name) {
  if (!strcmp(name, "number")) return json_is_number(j);
  if (!strcmp(name, "integer")) {
    if (json_is_integer(j)) return 1;
    if (!json_is_real(j)) return 0;
    double v = json_real_value(j);
    return v == (double)(long long)v;
  }
  return !strcmp(name, type_of(j));
}

// Resolves "#/a/b" (JSON pointer with ~0 ~1 escapes) in the root.
static const json_t *resolve(const json_t *root, const char *ref) {
  if (ref[0] != '#') return NULL;
  const json_t *cur = root;
  const char *p = ref + 1;
  while (*p == '/') {
    p++;
    char token[256];
    size_t n = 0;
    while (*p && *p != '/' && n + 1 < sizeof token) {
      if (p[0] == '~' && p[1] == '0')
        token[n++] = '~', p += 2;
      else if (p[0] == '~' && p[1] == '1')
        token[n++] = '/', p += 2;
      else
        token[n++] = *p++;
    }
    token[n] = '\0';
    if (json_is_object(cur))
      cur = json_object_get(cur, token);
    else if (json_is_array(cur))
      cur = json_array_get(cur, (size_t)strtoul(token, NULL, 10));
    else
      return NULL;
    if (!cur) return NULL;
  }
  return *p ? NULL : cur;
}

static size_t utf8_length(const char *s) {
  size_t n = 0;
  for (; *s; s++)
    if (((unsigned char)*s & 0xC0) != 0x80) n++;
  return n;
}

static void check(ctx_t *c, const json_t *schema, const json_t *inst, const char *path, int depth);

// Counts the errors [schema] finds in [inst] without recording them.
static int quiet_errors(ctx_t *c, const json_t *schema, const json_t *inst, const char *path, int depth) {
  ctx_t q = {c->root, NULL, 0};
  check(&q, schema, inst, path, depth);
  return q.count;
}

static void child_path(char *out, size_t cap, const char *path, const char *key) {
  // JSON pointer escaping of the key.
  size_t n = (size_t)snprintf(out, cap, "%s/", path);
  for (const char *k = key; *k && n + 3 < cap; k++) {
    if (*k == '~')
      out[n++] = '~', out[n++] = '0';
    else if (*k == '/')
      out[n++] = '~', out[n++] = '1';
    else
      out[n++] = *k;
  }
  out[n < cap ? n : cap - 1] = '\0';
}

static void check_object(ctx_t *c, const json_t *schema, const json_t *inst, const char *path, int depth) {
  const json_t *required = json_object_get(schema, "required");
  size_t i;
  json_t *v;
  if (json_is_array(required)) json_array_foreach(required, i, v) {
      const char *name = json_string_value(v);
      if (name && !json_object_get(inst, name))
        report_error(c, path, "required property \"%s\" is missing", name);
    }
  const json_t *props = json_object_get(schema, "properties");
  const json_t *additional = json_object_get(schema, "additionalProperties");
  const char *key;
  json_t *value;
  json_object_foreach((json_t *)inst, key, value) {
    char sub[1024];
    child_path(sub, sizeof sub, path, key);
    const json_t *ps = json_is_object(props) ? json_object_get(props, key) : NULL;
    if (ps)
      check(c, ps, value, sub, depth + 1);
    else if (json_is_false(additional))
      report_error(c, path, "property \"%s\" is not allowed", key);
    else if (json_is_object(additional))
      check(c, additional, value, sub, depth + 1);
  }
}

static void check(ctx_t *c, const json_t *schema, const json_t *inst, const char *path, int depth) {
  if (depth > 64) {
    report_error(c, path, "schema nests too deep (a $ref loop?)");
    return;
  }
  if (json_is_true(schema)) return;
  if (json_is_false(schema)) {
    report_error(c, path, "no value is allowed here");
    return;
  }
  if (!json_is_object(schema)) return;

  const json_t *ref = json_object_get(schema, "$ref");
  if (json_is_string(ref)) {
    const json_t *target = resolve(c->root, json_string_value(ref));
    if (!target)
      report_error(c, path, "schema $ref \"%s\" does not resolve", json_string_value(ref));
    else
      check(c, target, inst, path, depth + 1);
  }

  const json_t *type = json_object_get(schema, "type");
  if (json_is_string(type) && !has_type(inst, json_string_value(type))) {
    report_error(c, path, "expected %s, found %s", json_string_value(type), type_of(inst));
    return;
  }
  if (json_is_array(type)) {
    int ok = 0;
    size_t i;
    json_t *t;
    json_array_foreach(type, i, t) ok |= json_is_string(t) && has_type(inst, json_string_value(t));
    if (!ok) {
      report_error(c, path, "type %s is not one of the allowed types", type_of(inst));
      return;
    }
  }

  const json_t *en = json_object_get(schema, "enum");
  if (json_is_array(en)) {
    int ok = 0;
    size_t i;
    json_t *e;
    json_array_foreach(en, i, e) ok |= json_equal((json_t *)inst, e);
    if (!ok) {
      if (json_is_string(inst))
        report_error(c, path, "\"%s\" is not one of the allowed values", json_string_value(inst));
      else
        report_error(c, path, "value is not one of the allowed values");
    }
  }
  const json_t *cn = json_object_get(schema, "const");
  if (cn && !json_equal((json_t *)inst, (json_t *)cn))
    report_error(c, path, "value differs from the constant");

  if (json_is_number(inst)) {
    const json_t *mn = json_object_get(schema, "minimum"), *mx = json_object_get(schema, "maximum");
    if (json_is_number(mn) && json_number_value(inst) < json_number_value(mn))
      report_error(c, path, "%g is less than the minimum %g", json_number_value(inst), json_number_value(mn));
    if (json_is_number(mx) && json_number_value(inst) > json_number_value(mx))
      report_error(c, path, "%g is more than the maximum %g", json_number_value(inst), json_number_value(mx));
  }

  if (json_is_string(inst)) {
    const json_t *ml = json_object_get(schema, "minLength");
    if (json_is_integer(ml) && (json_int_t)utf8_length(json_string_value(inst)) < json_integer_value(ml))
      report_error(c, path, "string shorter than %lld characters", (long long)json_integer_value(ml));
    const json_t *pat = json_object_get(schema, "pattern");
    if (json_is_string(pat)) {
      regex_t re;
      if (regcomp(&re, json_string_value(pat), REG_EXTENDED | REG_NOSUB) != 0) {
        report_error(c, path, "schema pattern \"%s\" does not compile", json_string_value(pat));
      } else {
        if (regexec(&re, json_string_value(inst), 0, NULL, 0) != 0)
          report_error(c, path, "\"%s\" does not match the pattern \"%s\"", json_string_value(inst),
                       json_string_value(pat));
        regfree(&re);
      }
    }
  }

  if (json_is_object(inst)) check_object(c, schema, inst, path, depth);

  if (json_is_array(inst)) {
    const json_t *items = json_object_get(schema, "items");
    const json_t *mi = json_object_get(schema, "minItems");
    if (json_is_integer(mi) && (json_int_t)json_array_size(inst) < json_integer_value(mi))
      report_error(c, path, "fewer than %lld items", (long long)json_integer_value(mi));
    if (items) {
      size_t i;
      json_t *v;
      json_array_foreach(inst, i, v) {
        char sub[1024];
        snprintf(sub, sizeof sub, "%s/%zu", path, i);
        check(c, items, v, sub, depth + 1);
      }
    }
  }

  const json_t *all = json_object_get(schema, "allOf");
  if (json_is_array(all)) {
    size_t i;
    json_t *s;
    json_array_foreach(all, i, s) check(c, s, inst, path, depth + 1);
  }
  const json_t *any = json_object_get(schema, "anyOf");
  if (json_is_array(any)) {
    int ok = 0;
    size_t i;
    json_t *s;
    json_array_foreach(any, i, s) ok |= quiet_errors(c, s, inst, path, depth + 1) == 0;
    if (!ok) report_error(c, path, "value matches none of the anyOf schemas");
  }
}

rig_status_t schema_check(const json_t *schema, const json_t *instance, buf_t *errors) {
  ctx_t c = {schema, errors, 0};
  check(&c, schema, instance, "", 0);
  if (c.count > SCHEMA_MAX_ERRORS && errors)
    buf_printf(errors, "... and %d more errors\n", c.count - SCHEMA_MAX_ERRORS);
  return c.count ? RIG_E_SCHEMA : RIG_OK;
}

static json_t *load(const char *path, const char *what, buf_t *errors, rig_status_t *st) {
  json_error_t je;
  json_t *j = json_load_file(path, 0, &je);
  if (j) return j;
  if (access(path, R_OK) < 0) {
    buf_printf(errors, "cannot read %s %s: %s\n", what, path, strerror(errno));
    *st = RIG_E_FILE;
  } else {
    buf_printf(errors, "%s %s is not valid JSON: line %d column %d: %s\n", what, path, je.line, je.column,
               je.text);
    *st = RIG_E_JSON;
  }
  return NULL;
}

rig_status_t schema_check_files(const char *schema_path, const char *instance_path, buf_t *errors) {
  rig_status_t st = RIG_OK;
  json_t *schema = load(schema_path, "schema", errors, &st);
  if (!schema) return st;
  json_t *inst = load(instance_path, "report", errors, &st);
  if (!inst) {
    json_decref(schema);
    return st;
  }
  st = schema_check(schema, inst, errors);
  json_decref(inst);
  json_decref(schema);
  return st;
}

int schema_default_path(char *out, size_t cap) {
  if (rig_path_beside("../../reports/report.schema.json", R_OK, out, cap)) return 1;
#ifdef RIG_DEFAULT_SCHEMA
  if (access(RIG_DEFAULT_SCHEMA, R_OK) == 0) {
    snprintf(out, cap, "%s", RIG_DEFAULT_SCHEMA);
    return 1;
  }
#endif
  return 0;
}
