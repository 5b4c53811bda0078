// SPDX-License-Identifier: MIT
// report.c: the JSON run report with Jansson (see report.h and
// reports/README.md for the fields).
#include "report.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <pthread.h>
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
  pthread_mutex_t lock; // board workers share one report
  json_t *root;         // the whole report, rewritten on each change
  json_t *tests;        // borrowed: root["tests"]
  json_t *boards;       // borrowed: root["boards"] (farm runs), NULL before the first board
  int counts[OUTCOME_COUNT];
  char target[1024];
  char dir[PATH_MAX];
  char run_id[48];
  char run_dir[PATH_MAX + 48];
  char path[PATH_MAX + 64];
  char err[2 * PATH_MAX];
  int created;
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
  pthread_mutex_init(&rep->lock, NULL);
  return rep;
}

void report_free(report_t *rep) {
  if (!rep) return;
  json_decref(rep->root);
  pthread_mutex_destroy(&rep->lock);
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
  rep->created = 1;
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

static rig_status_t write_locked(report_t *rep);

// Fills a firmware object; "release" and "build" are read from a
// MicroPython-style sys.version ("3.4.0; Pyrite v0.1.0 on 2026-11-25").
static void fill_firmware(json_t *fw, const char *name, const char *version, const char *platform,
                          const char *machine, const char *raw) {
  json_object_set_new(fw, "name", cstr(name));
  json_object_set_new(fw, "version", cstr(version));
  json_object_set_new(fw, "platform", cstr(platform));
  json_object_set_new(fw, "machine", cstr(machine));
  json_object_set_new(fw, "raw", cstr(raw));
  char release[128] = "", build[128] = "";
  report_parse_version(version, release, sizeof release, build, sizeof build);
  if (release[0]) json_object_set_new(fw, "release", cstr(release));
  if (build[0]) json_object_set_new(fw, "build", cstr(build));
}

void report_parse_version(const char *version, char *release, size_t rcap, char *build, size_t bcap) {
  release[0] = build[0] = '\0';
  if (!version) return;
  const char *semi = strstr(version, "; ");
  const char *p = semi ? semi + 2 : version;
  const char *sp = strchr(p, ' '); // past the implementation's own name
  if (!sp) return;
  p = sp + 1;
  const char *on = strstr(p, " on ");
  size_t n = on ? (size_t)(on - p) : strlen(p);
  snprintf(release, rcap, "%.*s", (int)n, p);
  if (on) snprintf(build, bcap, "%s", on + 4);
}

rig_status_t report_set_firmware(report_t *rep, const char *name, const char *version, const char *platform,
                                 const char *machine, const char *raw) {
  pthread_mutex_lock(&rep->lock);
  fill_firmware(json_object_get(rep->root, "firmware"), name, version, platform, machine, raw);
  rig_status_t st = write_locked(rep);
  pthread_mutex_unlock(&rep->lock);
  return st;
}

static json_t *new_firmware(void) {
  json_t *fw = json_object();
  static const char *const fields[] = {"name", "version", "platform", "machine", "raw"};
  for (size_t i = 0; fw && i < 5; i++)
    json_object_set_new(fw, fields[i], json_null());
  return fw;
}

int report_add_board(report_t *rep, const char *name, const char *target, const char *module,
                     const char *const *wiring, int nwiring) {
  pthread_mutex_lock(&rep->lock);
  if (!rep->boards) {
    rep->boards = json_array();
    json_object_set_new(rep->root, "boards", rep->boards);
  }
  json_t *b = json_object();
  json_object_set_new(b, "name", cstr(name));
  json_object_set_new(b, "target", cstr(target));
  json_object_set_new(b, "module", module ? cstr(module) : json_null());
  json_t *w = json_array();
  for (int i = 0; i < nwiring; i++)
    json_array_append_new(w, cstr(wiring[i]));
  json_object_set_new(b, "wiring", w);
  json_object_set_new(b, "firmware", new_firmware());
  char tname[300];
  snprintf(tname, sizeof tname, "transcript-%s.log", name);
  json_object_set_new(b, "transcript", cstr(tname));
  json_t *h = json_object();
  json_object_set_new(h, "state", json_string("running"));
  json_object_set_new(b, "health", h);
  json_array_append_new(rep->boards, b);
  int idx = (int)json_array_size(rep->boards) - 1;
  write_locked(rep);
  pthread_mutex_unlock(&rep->lock);
  return idx;
}

rig_status_t report_set_board_firmware(report_t *rep, int board, const char *name, const char *version,
                                       const char *platform, const char *machine, const char *raw) {
  pthread_mutex_lock(&rep->lock);
  json_t *b = rep->boards ? json_array_get(rep->boards, (size_t)board) : NULL;
  if (b) fill_firmware(json_object_get(b, "firmware"), name, version, platform, machine, raw);
  // The top-level firmware is the first board's (schema 1 readers).
  if (board == 0)
    fill_firmware(json_object_get(rep->root, "firmware"), name, version, platform, machine, raw);
  rig_status_t st = write_locked(rep);
  pthread_mutex_unlock(&rep->lock);
  return st;
}

// Puts [hs] into board [board]'s entry without writing; 0 when there is
// no such board. Called with the lock held.
static int put_health_locked(report_t *rep, int board, const report_health_t *hs) {
  json_t *b = rep->boards && board >= 0 ? json_array_get(rep->boards, (size_t)board) : NULL;
  if (b) {
    json_t *h = json_object();
    json_object_set_new(h, "state", json_string(hs->state ? hs->state : "running"));
    json_object_set_new(h, "soft_resets", json_integer(hs->soft_resets));
    json_object_set_new(h, "hard_resets", json_integer(hs->hard_resets));
    json_object_set_new(h, "power_cycles", json_integer(hs->power_cycles));
    json_object_set_new(h, "recoveries", json_integer(hs->recoveries));
    json_object_set_new(h, "timeouts", json_integer(hs->timeouts));
    json_object_set_new(h, "crashes", json_integer(hs->crashes));
    json_object_set_new(h, "link_errors", json_integer(hs->link_errors));
    json_object_set_new(h, "lost", json_boolean(hs->lost));
    if (hs->lost_reason) json_object_set_new(h, "lost_reason", cstr(hs->lost_reason));
    json_object_set_new(b, "health", h);
  }
  return b != NULL;
}

rig_status_t report_set_board_health(report_t *rep, int board, const report_health_t *hs) {
  pthread_mutex_lock(&rep->lock);
  rig_status_t st = put_health_locked(rep, board, hs) ? write_locked(rep) : RIG_OK;
  pthread_mutex_unlock(&rep->lock);
  return st;
}

void report_set_farm(report_t *rep, const char *farm, int repeat) {
  pthread_mutex_lock(&rep->lock);
  if (farm) json_object_set_new(rep->root, "farm", cstr(farm));
  json_object_set_new(rep->root, "repeat", json_integer(repeat > 0 ? repeat : 1));
  pthread_mutex_unlock(&rep->lock);
}

static int bad_rank(const char *o) {
  return !strcmp(o, "crash") ? 3 : !strcmp(o, "timeout") ? 2 : 1;
}

// "per_test": one entry per (board, id) with its runs, passes and verdict
// (the outcome when every run agreed; "flaky" when it passed and failed).
static void summarise_locked(report_t *rep) {
  json_t *per = json_array();
  json_t *index = json_object(); // "board\x1fid" -> entry
  size_t i;
  json_t *t;
  int flaky = 0;
  json_array_foreach(rep->tests, i, t) {
    const char *id = json_string_value(json_object_get(t, "id"));
    const char *board = json_string_value(json_object_get(t, "board"));
    const char *oc = json_string_value(json_object_get(t, "outcome"));
    if (!id || !oc) continue;
    char key[1024];
    snprintf(key, sizeof key, "%s\x1f%s", board ? board : "", id);
    json_t *e = json_object_get(index, key);
    if (!e) {
      e = json_object();
      json_object_set_new(e, "id", json_string(id));
      if (board) json_object_set_new(e, "board", json_string(board));
      json_object_set_new(e, "runs", json_integer(0));
      json_object_set_new(e, "passes", json_integer(0));
      json_object_set_new(e, "verdict", json_string(oc));
      json_object_set(index, key, e);
      json_array_append_new(per, e);
    }
    json_object_set_new(e, "runs", json_integer(json_integer_value(json_object_get(e, "runs")) + 1));
    if (!strcmp(oc, "pass"))
      json_object_set_new(e, "passes", json_integer(json_integer_value(json_object_get(e, "passes")) + 1));
    const char *v = json_string_value(json_object_get(e, "verdict"));
    if (strcmp(v, oc) && strcmp(v, "flaky")) {
      int bad_new = !strcmp(oc, "fail") || !strcmp(oc, "timeout") || !strcmp(oc, "crash");
      int bad_old = !strcmp(v, "fail") || !strcmp(v, "timeout") || !strcmp(v, "crash");
      if ((!strcmp(v, "pass") && bad_new) || (!strcmp(oc, "pass") && bad_old))
        json_object_set_new(e, "verdict", json_string("flaky"));
      else if (bad_new && bad_old) { // the worse failure stands: crash, timeout, fail
        if (bad_rank(oc) > bad_rank(v)) json_object_set_new(e, "verdict", json_string(oc));
      } else if (bad_new || !strcmp(v, "pass")) {
        json_object_set_new(e, "verdict", json_string(oc));
      }
    }
  }
  json_array_foreach(per, i, t) flaky += !strcmp(json_string_value(json_object_get(t, "verdict")), "flaky");
  json_decref(index);
  json_object_set_new(rep->root, "per_test", per);
  json_object_set_new(json_object_get(rep->root, "counts"), "flaky", json_integer(flaky));
}

void report_summarise(report_t *rep) {
  pthread_mutex_lock(&rep->lock);
  summarise_locked(rep);
  pthread_mutex_unlock(&rep->lock);
}

static void set_text(json_t *obj, const char *key, const char *s, size_t len) {
  if (s) json_object_set_new(obj, key, text(s, len));
}

rig_status_t report_add_test(report_t *rep, const report_test_t *t) {
  return report_add_result(rep, t, -1, NULL);
}

rig_status_t report_add_result(report_t *rep, const report_test_t *t, int board, const report_health_t *hs) {
  json_t *o = json_object();
  if (!o) return fail(rep, RIG_E_NOMEM, "out of memory");
  pthread_mutex_lock(&rep->lock);
  json_object_set_new(o, "id", cstr(t->id));
  json_object_set_new(o, "outcome", json_string(outcome_name(t->outcome)));
  json_object_set_new(o, "duration_ms", json_integer(t->duration_ms < 0 ? 0 : t->duration_ms));
  if (t->reason) json_object_set_new(o, "reason", cstr(t->reason));
  set_text(o, "expected", t->expected, t->expected_len);
  set_text(o, "actual", t->actual, t->actual_len);
  set_text(o, "diff", t->diff, t->diff_len);
  set_text(o, "stderr", t->stderr_text, t->stderr_len);
  set_text(o, "console_tail", t->console_tail, t->console_tail_len);
  if (t->board) json_object_set_new(o, "board", cstr(t->board));
  if (t->run > 0) json_object_set_new(o, "run", json_integer(t->run));
  if (t->timeout_kind) json_object_set_new(o, "timeout_kind", cstr(t->timeout_kind));
  if (t->outcome == OUTCOME_CRASH && (t->rst_cause > 0 || t->exception)) {
    json_t *c = json_object();
    json_object_set_new(c, "rst_cause", t->rst_cause > 0 ? json_integer(t->rst_cause) : json_null());
    json_object_set_new(c, "rst_cause_text", cstr(report_rst_cause_text(t->rst_cause)));
    json_object_set_new(c, "boot_mode", t->boot_mode ? cstr(t->boot_mode) : json_null());
    json_object_set_new(c, "exception", t->exception ? cstr(t->exception) : json_null());
    json_object_set_new(o, "crash", c);
  }
  if (t->transcript_offset > 0 && t->board)
    json_object_set_new(o, "transcript_offset", json_integer(t->transcript_offset));
  if (t->loopback) {
    json_t *lb = json_loads(t->loopback, 0, NULL);
    if (lb) json_object_set_new(o, "loopback", lb);
  }
  json_array_append_new(rep->tests, o);
  if ((unsigned)t->outcome < OUTCOME_COUNT) rep->counts[t->outcome]++;
  json_t *counts = json_object_get(rep->root, "counts");
  json_object_set_new(counts, outcome_name(t->outcome), json_integer(rep->counts[t->outcome]));
  json_object_set_new(counts, "total", json_integer((json_int_t)json_array_size(rep->tests)));
  if (hs) put_health_locked(rep, board, hs);
  rig_status_t st = write_locked(rep);
  pthread_mutex_unlock(&rep->lock);
  return st;
}

const char *report_rst_cause_text(int cause) {
  // The ESP8266 ROM's reset causes (rst_info.reason + 1 as printed).
  switch (cause) {
  case 0: return "none seen";
  case 1: return "power on";
  case 2: return "external reset";
  case 3: return "software reset";
  case 4: return "watchdog reset";
  case 5: return "deep-sleep wake";
  case 6: return "external reset (EXT_RST)";
  default: return cause < 0 ? "none seen" : "other";
  }
}

rig_status_t report_finish(report_t *rep, report_status_t status) {
  pthread_mutex_lock(&rep->lock);
  summarise_locked(rep);
  char now[32];
  iso_time(now, sizeof now);
  json_object_set_new(rep->root, "finished", json_string(now));
  json_object_set_new(rep->root, "status",
                      json_string(status == REPORT_COMPLETE  ? "complete"
                                  : status == REPORT_ABORTED ? "aborted"
                                                             : "running"));
  rig_status_t st = write_locked(rep);
  pthread_mutex_unlock(&rep->lock);
  return st;
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
  pthread_mutex_lock(&rep->lock);
  rig_status_t st = write_locked(rep);
  pthread_mutex_unlock(&rep->lock);
  return st;
}

static rig_status_t write_locked(report_t *rep) {
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
