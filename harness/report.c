// SPDX-License-Identifier: MIT
// report.c: the JSON run report with Jansson (see report.h and
// reports/README.md for the fields).
#include "report.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef PYRITE_VERSION
#define PYRITE_VERSION "0.0.0"
#endif
#ifndef PYRITE_GIT_COMMIT
#define PYRITE_GIT_COMMIT "unknown"
#endif

static const char *const outcome_names[] = {
#define OUTCOME_TEXT(name, text) text,
    OUTCOME_LIST(OUTCOME_TEXT)
#undef OUTCOME_TEXT
};

const char *outcome_name(outcome_t o) {
  return (unsigned)o < OUTCOME_COUNT ? outcome_names[o] : "?";
}

int outcome_parse(const char *name) {
  for (int i = 0; i < OUTCOME_COUNT; i++)
    if (!strcmp(outcome_names[i], name)) return i;
  return -1;
}

struct report {
  json_t *root;  // the whole report, rewritten on each change
  json_t *tests; // borrowed: root["tests"]
  int counts[OUTCOME_COUNT];
  char target[1024];
  char dir[PATH_MAX];
  char run_id[48];
  char run_dir[PATH_MAX + 48];
  char path[PATH_MAX + 64];
  char err[2 * PATH_MAX];
};

static rig_status_t fail(report_t *rep, rig_status_t st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static rig_status_t fail(report_t *rep, rig_status_t st, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(rep->err, sizeof rep->err, fmt, ap);
  va_end(ap);
  return st;
}

char *report_utf8_clean(const char *s, size_t len, size_t *outlen) {
  // Worst case: every byte becomes the 3-byte U+FFFD.
  char *out = malloc(len * 3 + 1);
  if (!out) return NULL;
  const unsigned char *p = (const unsigned char *)s;
  size_t o = 0, i = 0;
  while (i < len) {
    unsigned c = p[i];
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    int ok = n > 0 && i + n <= len;
    for (size_t k = 1; ok && k < n; k++)
      ok = (p[i + k] & 0xC0) == 0x80;
    if (ok && n > 1) {
      // Reject overlong forms, surrogates and values past U+10FFFF.
      unsigned v = n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
      for (size_t k = 1; k < n; k++)
        v = v << 6 | (p[i + k] & 0x3F);
      ok = (n == 2 && v >= 0x80) || (n == 3 && v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) ||
           (n == 4 && v >= 0x10000 && v <= 0x10FFFF);
    }
    if (c == 0) ok = 0; // many JSON readers refuse \u0000: show it as U+FFFD too
    if (ok) {
      memcpy(out + o, p + i, n);
      o += n;
      i += n;
    } else {
      memcpy(out + o, "\xEF\xBF\xBD", 3);
      o += 3;
      i++;
    }
  }
  out[o] = '\0';
  if (outlen) *outlen = o;
  return out;
}

// A JSON string of [len] bytes, or JSON null for NULL.
static json_t *text(const char *s, size_t len) {
  if (!s) return json_null();
  size_t n;
  char *clean = report_utf8_clean(s, len, &n);
  if (!clean) return NULL;
  json_t *j = json_stringn(clean, n);
  free(clean);
  return j;
}

static json_t *cstr(const char *s) {
  return text(s, s ? strlen(s) : 0);
}

static void iso_time(char *out, size_t cap) {
  time_t now = time(NULL);
  struct tm tm;
  gmtime_r(&now, &tm);
  strftime(out, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

report_t *report_new(void) {
  report_t *rep = calloc(1, sizeof *rep);
  if (!rep) return NULL;
  rep->root = json_object();
  rep->tests = json_array();
  json_t *counts = json_object();
  json_t *firmware = json_object();
  json_t *rig = json_object();
  if (!rep->root || !rep->tests || !counts || !firmware || !rig) {
    json_decref(rep->root), json_decref(rep->tests), json_decref(counts), json_decref(firmware);
    json_decref(rig);
    free(rep);
    return NULL;
  }
  char now[32];
  iso_time(now, sizeof now);
  json_object_set_new(rep->root, "schema_version", json_integer(REPORT_SCHEMA_VERSION));
  json_object_set_new(rep->root, "run_id", json_string(""));
  json_object_set_new(rep->root, "started", json_string(now));
  json_object_set_new(rep->root, "finished", json_null());
  json_object_set_new(rep->root, "status", json_string("running"));
  json_object_set_new(rig, "version", json_string(PYRITE_VERSION));
  json_object_set_new(rig, "git_commit", json_string(PYRITE_GIT_COMMIT));
  json_object_set_new(rep->root, "rig", rig);
  json_object_set_new(rep->root, "target", json_string(""));
  static const char *const fw_fields[] = {"name", "version", "platform", "machine", "raw"};
  for (size_t i = 0; i < 5; i++)
    json_object_set_new(firmware, fw_fields[i], json_null());
  json_object_set_new(rep->root, "firmware", firmware);
  for (int i = 0; i < OUTCOME_COUNT; i++)
    json_object_set_new(counts, outcome_names[i], json_integer(0));
  json_object_set_new(counts, "total", json_integer(0));
  json_object_set_new(rep->root, "counts", counts);
  json_object_set(rep->root, "tests", rep->tests);
  json_decref(rep->tests); // root holds it; rep->tests stays a borrowed pointer
  return rep;
}

void report_free(report_t *rep) {
  if (!rep) return;
  json_decref(rep->root);
  free(rep);
}

void report_set_target(report_t *rep, const char *target) {
  snprintf(rep->target, sizeof rep->target, "%s", target);
  json_object_set_new(rep->root, "target", cstr(rep->target));
}

static int mkdir_p(const char *path) {
  char tmp[PATH_MAX];
  snprintf(tmp, sizeof tmp, "%s", path);
  for (char *p = tmp + 1; *p; p++)
    if (*p == '/') {
      *p = '\0';
      if (mkdir(tmp, 0777) < 0 && errno != EEXIST) return -1;
      *p = '/';
    }
  if (mkdir(tmp, 0777) < 0 && errno != EEXIST) return -1;
  return 0;
}

rig_status_t report_create_run(report_t *rep, const char *dir) {
  snprintf(rep->dir, sizeof rep->dir, "%s", dir);
  size_t dl = strlen(rep->dir);
  while (dl > 1 && rep->dir[dl - 1] == '/')
    rep->dir[--dl] = '\0';
  if (mkdir_p(rep->dir) < 0) return fail(rep, RIG_E_FILE, "cannot create %s: %s", rep->dir, strerror(errno));
  time_t now = time(NULL);
  struct tm tm;
  gmtime_r(&now, &tm);
  char stamp[24];
  strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
  int made = 0;
  for (int n = 0; n < 1000 && !made; n++) {
    if (n == 0)
      snprintf(rep->run_id, sizeof rep->run_id, "%s", stamp);
    else
      snprintf(rep->run_id, sizeof rep->run_id, "%s-%d", stamp, n);
    snprintf(rep->run_dir, sizeof rep->run_dir, "%s/%s", rep->dir, rep->run_id);
    if (mkdir(rep->run_dir, 0777) == 0)
      made = 1;
    else if (errno != EEXIST)
      return fail(rep, RIG_E_FILE, "cannot create %s: %s", rep->run_dir, strerror(errno));
  }
  if (!made) return fail(rep, RIG_E_FILE, "no free run id under %s", rep->dir);
  snprintf(rep->path, sizeof rep->path, "%s/report.json", rep->run_dir);
  json_object_set_new(rep->root, "run_id", json_string(rep->run_id));
  // DIR/latest -> <run-id>: a new link renamed over the old one.
  char tmp_link[PATH_MAX + 32], latest[PATH_MAX + 32];
  snprintf(tmp_link, sizeof tmp_link, "%s/.latest.%ld", rep->dir, (long)getpid());
  snprintf(latest, sizeof latest, "%s/latest", rep->dir);
  unlink(tmp_link);
  if (symlink(rep->run_id, tmp_link) < 0 || rename(tmp_link, latest) < 0) {
    int e = errno;
    unlink(tmp_link);
    return fail(rep, RIG_E_FILE, "cannot point %s at %s: %s", latest, rep->run_id, strerror(e));
  }
  return report_write(rep);
}

rig_status_t report_set_firmware(report_t *rep, const char *name, const char *version, const char *platform,
                                 const char *machine, const char *raw) {
  json_t *fw = json_object_get(rep->root, "firmware");
  json_object_set_new(fw, "name", cstr(name));
  json_object_set_new(fw, "version", cstr(version));
  json_object_set_new(fw, "platform", cstr(platform));
  json_object_set_new(fw, "machine", cstr(machine));
  json_object_set_new(fw, "raw", cstr(raw));
  return report_write(rep);
}

static void set_text(json_t *obj, const char *key, const char *s, size_t len) {
  if (s) json_object_set_new(obj, key, text(s, len));
}

rig_status_t report_add_test(report_t *rep, const report_test_t *t) {
  json_t *o = json_object();
  if (!o) return fail(rep, RIG_E_NOMEM, "out of memory");
  json_object_set_new(o, "id", cstr(t->id));
  json_object_set_new(o, "outcome", json_string(outcome_name(t->outcome)));
  json_object_set_new(o, "duration_ms", json_integer(t->duration_ms < 0 ? 0 : t->duration_ms));
  if (t->reason) json_object_set_new(o, "reason", cstr(t->reason));
  set_text(o, "expected", t->expected, t->expected_len);
  set_text(o, "actual", t->actual, t->actual_len);
  set_text(o, "diff", t->diff, t->diff_len);
  set_text(o, "stderr", t->stderr_text, t->stderr_len);
  set_text(o, "console_tail", t->console_tail, t->console_tail_len);
  json_array_append_new(rep->tests, o);
  if ((unsigned)t->outcome < OUTCOME_COUNT) rep->counts[t->outcome]++;
  json_t *counts = json_object_get(rep->root, "counts");
  json_object_set_new(counts, outcome_name(t->outcome), json_integer(rep->counts[t->outcome]));
  json_object_set_new(counts, "total", json_integer((json_int_t)json_array_size(rep->tests)));
  return report_write(rep);
}

rig_status_t report_finish(report_t *rep, report_status_t status) {
  char now[32];
  iso_time(now, sizeof now);
  json_object_set_new(rep->root, "finished", json_string(now));
  json_object_set_new(rep->root, "status",
                      json_string(status == REPORT_COMPLETE  ? "complete"
                                  : status == REPORT_ABORTED ? "aborted"
                                                             : "running"));
  return report_write(rep);
}

static int write_all(int fd, const char *p, size_t n) {
  while (n) {
    ssize_t w = write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

rig_status_t report_write(report_t *rep) {
  if (!rep->path[0]) return fail(rep, RIG_E_FILE, "no run directory yet");
  char *doc = json_dumps(rep->root, JSON_INDENT(2));
  if (!doc) return fail(rep, RIG_E_NOMEM, "cannot serialise the report");
  char tmp[PATH_MAX + 80];
  snprintf(tmp, sizeof tmp, "%s/.report.json.tmp", rep->run_dir);
  int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) {
    free(doc);
    return fail(rep, RIG_E_FILE, "cannot write %s: %s", tmp, strerror(errno));
  }
  int bad = write_all(fd, doc, strlen(doc)) < 0 || write_all(fd, "\n", 1) < 0 || fsync(fd) < 0;
  int e = errno;
  free(doc);
  if (close(fd) < 0 && !bad) bad = 1, e = errno;
  if (bad || rename(tmp, rep->path) < 0) {
    if (!bad) e = errno;
    unlink(tmp);
    return fail(rep, RIG_E_FILE, "cannot write %s: %s", rep->path, strerror(e));
  }
  // Make the rename itself durable.
  int dfd = open(rep->run_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    fsync(dfd);
    close(dfd);
  }
  return RIG_OK;
}

int report_count(const report_t *rep, outcome_t o) {
  return (unsigned)o < OUTCOME_COUNT ? rep->counts[o] : 0;
}
const char *report_run_id(const report_t *rep) {
  return rep->run_id;
}
const char *report_run_dir(const report_t *rep) {
  return rep->run_dir;
}
const char *report_path(const report_t *rep) {
  return rep->path;
}
const char *report_errmsg(const report_t *rep) {
  return rep->err;
}

rig_status_t report_print(const char *path, FILE *out, char *err, size_t errlen) {
  json_error_t je;
  json_t *root = json_load_file(path, 0, &je);
  if (!root) {
    if (access(path, R_OK) < 0) {
      snprintf(err, errlen, "%s: %s", path, strerror(errno));
      return RIG_E_FILE;
    }
    snprintf(err, errlen, "%s:%d:%d: %s", path, je.line, je.column, je.text);
    return RIG_E_JSON;
  }
  json_t *tests = json_object_get(root, "tests");
  if (!json_is_array(tests)) {
    snprintf(err, errlen, "%s: no \"tests\" array (not a rig report?)", path);
    json_decref(root);
    return RIG_E_JSON;
  }
  size_t width = 8;
  size_t i;
  json_t *t;
  json_array_foreach(tests, i, t) {
    const char *id = json_string_value(json_object_get(t, "id"));
    if (id && strlen(id) > width) width = strlen(id);
  }
  int counts[OUTCOME_COUNT] = {0};
  json_array_foreach(tests, i, t) {
    const char *id = json_string_value(json_object_get(t, "id"));
    const char *oc = json_string_value(json_object_get(t, "outcome"));
    const char *reason = json_string_value(json_object_get(t, "reason"));
    fprintf(out, "%-*s %s%s%s\n", (int)width, id ? id : "?", oc ? oc : "?", reason ? "  # " : "",
            reason ? reason : "");
    int k = oc ? outcome_parse(oc) : -1;
    if (k >= 0) counts[k]++;
  }
  const char *status = json_string_value(json_object_get(root, "status"));
  fprintf(out, "%zu tests:", json_array_size(tests));
  for (int k = 0; k < OUTCOME_COUNT; k++)
    fprintf(out, " %d %s%s", counts[k], outcome_names[k], k + 1 < OUTCOME_COUNT ? "," : "");
  fprintf(out, " (run %s)\n", status ? status : "?");
  json_decref(root);
  return RIG_OK;
}
