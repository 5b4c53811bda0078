// SPDX-License-Identifier: MIT
// suite.c: test discovery and header lines (see suite.h).
#include "suite.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void suite_init(suite_t *s) {
  memset(s, 0, sizeof *s);
}

void suite_free(suite_t *s) {
  for (size_t i = 0; i < s->count; i++) {
    free(s->tests[i].id);
    free(s->tests[i].path);
    free(s->tests[i].exp_path);
  }
  free(s->tests);
  suite_init(s);
}

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && !strcmp(s + n - m, suffix);
}

static int is_file(const char *path) {
  struct stat sb;
  return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

static rig_status_t add_test(suite_t *s, const char *path, const char *id) {
  if (s->count >= SUITE_MAX_TESTS) {
    snprintf(s->err, sizeof s->err, "more than %d tests", SUITE_MAX_TESTS);
    return RIG_E_OVERFLOW;
  }
  if (s->count == s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 64;
    suite_test_t *v = realloc(s->tests, cap * sizeof *v);
    if (!v) return RIG_E_NOMEM;
    s->tests = v;
    s->cap = cap;
  }
  suite_test_t *t = &s->tests[s->count];
  size_t n = strlen(path);
  t->id = strdup(id);
  t->path = strdup(path);
  t->exp_path = malloc(n + 5);
  if (!t->id || !t->path || !t->exp_path) {
    free(t->id), free(t->path), free(t->exp_path);
    return RIG_E_NOMEM;
  }
  memcpy(t->exp_path, path, n);
  memcpy(t->exp_path + n, ".exp", 5);
  s->count++;
  return RIG_OK;
}

// The conformance root for [dir] (a real path): the nearest directory
// named "conformance" at or above it, else [fallback].
static void find_root(const char *dir, const char *fallback, char *root, size_t cap) {
  char cur[PATH_MAX];
  snprintf(cur, sizeof cur, "%s", dir);
  for (;;) {
    char *slash = strrchr(cur, '/');
    const char *base = slash ? slash + 1 : cur;
    if (!strcmp(base, "conformance")) {
      snprintf(root, cap, "%s", cur);
      return;
    }
    if (!slash || slash == cur) break;
    *slash = '\0';
  }
  snprintf(root, cap, "%s", fallback);
}

// The id of [real] (a real path) under [root].
static const char *relative(const char *real, const char *root) {
  size_t n = strlen(root);
  if (!strncmp(real, root, n) && real[n] == '/') return real + n + 1;
  const char *slash = strrchr(real, '/');
  return slash ? slash + 1 : real;
}

static rig_status_t walk(suite_t *s, const char *dir, const char *root, int depth) {
  if (depth > 32) return RIG_OK;
  DIR *d = opendir(dir);
  if (!d) {
    snprintf(s->err, sizeof s->err, "cannot read directory %s: %s", dir, strerror(errno));
    return RIG_E_FILE;
  }
  rig_status_t st = RIG_OK;
  struct dirent *e;
  while (st == RIG_OK && (e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') continue;
    char path[PATH_MAX];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= sizeof path) continue;
    struct stat sb;
    if (stat(path, &sb) < 0) continue;
    if (S_ISDIR(sb.st_mode)) {
      st = walk(s, path, root, depth + 1);
    } else if (S_ISREG(sb.st_mode) && ends_with(e->d_name, ".py")) {
      char exp[PATH_MAX + 8];
      snprintf(exp, sizeof exp, "%s.exp", path);
      if (is_file(exp)) {
        st = add_test(s, path, relative(path, root));
      } else {
        if (!s->ignored++) snprintf(s->first_ignored, sizeof s->first_ignored, "%s", path);
      }
    }
  }
  closedir(d);
  return st;
}

rig_status_t suite_add_path(suite_t *s, const char *path) {
  char real[PATH_MAX];
  if (!realpath(path, real)) {
    snprintf(s->err, sizeof s->err, "%s: %s", path, strerror(errno));
    return RIG_E_FILE;
  }
  struct stat sb;
  if (stat(real, &sb) < 0) {
    snprintf(s->err, sizeof s->err, "%s: %s", path, strerror(errno));
    return RIG_E_FILE;
  }
  char root[PATH_MAX];
  if (S_ISDIR(sb.st_mode)) {
    find_root(real, real, root, sizeof root);
    return walk(s, real, root, 0);
  }
  if (!ends_with(real, ".py")) {
    snprintf(s->err, sizeof s->err, "%s: not a .py test file or a directory", path);
    return RIG_E_FILE;
  }
  char exp[PATH_MAX + 8];
  snprintf(exp, sizeof exp, "%s.exp", real);
  if (!is_file(exp)) {
    snprintf(s->err, sizeof s->err, "%s: test has no expected output (%s.exp is missing)", path, path);
    return RIG_E_FILE;
  }
  char dir[PATH_MAX];
  snprintf(dir, sizeof dir, "%s", real);
  char *slash = strrchr(dir, '/');
  if (slash && slash != dir) *slash = '\0';
  find_root(dir, dir, root, sizeof root);
  return add_test(s, real, relative(real, root));
}

static int by_id(const void *x, const void *y) {
  return strcmp(((const suite_test_t *)x)->id, ((const suite_test_t *)y)->id);
}

void suite_finish(suite_t *s, const char *filter) {
  if (s->count) qsort(s->tests, s->count, sizeof *s->tests, by_id);
  size_t k = 0;
  for (size_t i = 0; i < s->count; i++) {
    suite_test_t *t = &s->tests[i];
    int dup = k > 0 && !strcmp(s->tests[k - 1].id, t->id);
    int keep = !dup && (!filter || strstr(t->id, filter));
    if (keep) {
      s->tests[k++] = *t;
    } else {
      free(t->id), free(t->path), free(t->exp_path);
    }
  }
  s->count = k;
}

// Trims blanks at both ends of [s] (len bytes) into [out].
static void trimmed(const char *s, size_t len, char *out, size_t cap) {
  while (len && isspace((unsigned char)*s))
    s++, len--;
  while (len && isspace((unsigned char)s[len - 1]))
    len--;
  if (len >= cap) len = cap - 1;
  memcpy(out, s, len);
  out[len] = '\0';
}

// Normalises a comma-separated list to "a, b" (empty entries dropped).
static void normalise_list(const char *in, char *out, size_t cap) {
  size_t used = 0;
  out[0] = '\0';
  while (*in) {
    size_t n = strcspn(in, ",");
    char item[256];
    trimmed(in, n, item, sizeof item);
    if (item[0])
      used += (size_t)snprintf(out + used, used < cap ? cap - used : 0, "%s%s", used ? ", " : "", item);
    if (used >= cap) {
      out[cap - 1] = '\0';
      return;
    }
    in += n;
    if (*in == ',') in++;
  }
}

rig_status_t test_header_parse(const char *src, size_t len, test_header_t *h, char *err, size_t errlen) {
  memset(h, 0, sizeof *h);
  if (err && errlen) err[0] = '\0';
  size_t pos = 0;
  while (pos < len) {
    size_t end = pos;
    while (end < len && src[end] != '\n')
      end++;
    size_t p = pos;
    while (p < end && (src[p] == ' ' || src[p] == '\t' || src[p] == '\r'))
      p++;
    if (p < end && src[p] != '#') break; // the first line of code ends the header
    if (p < end) {
      char line[600];
      trimmed(src + p + 1, end - p - 1, line, sizeof line);
      char *colon = strchr(line, ':');
      if (colon) {
        *colon = '\0';
        char key[64], value[512];
        trimmed(line, strlen(line), key, sizeof key);
        trimmed(colon + 1, strlen(colon + 1), value, sizeof value);
        if (!strcmp(key, "skip")) {
          h->has_skip = 1;
          snprintf(h->skip, sizeof h->skip, "%s", value[0] ? value : "skipped by its header");
        } else if (!strcmp(key, "requires")) {
          char list[512];
          normalise_list(value, list, sizeof list);
          if (h->requires[0] && list[0]) {
            size_t used = strlen(h->requires);
            snprintf(h->requires + used, sizeof h->requires - used, ", %s", list);
          } else if (list[0]) {
            snprintf(h->requires, sizeof h->requires, "%s", list);
          }
        } else if (!strcmp(key, "host")) {
          if (strlen(value) >= sizeof h->host) {
            if (err)
              snprintf(err, errlen, "'# host:' line too long (at most %zu characters)", sizeof h->host - 1);
            return RIG_E_USAGE;
          }
          memcpy(h->host, value, strlen(value) + 1);
        } else if (!strcmp(key, "timeout") || !strcmp(key, "inactivity")) {
          int inactivity = key[0] == 'i';
          char *tail;
          errno = 0;
          double secs = strtod(value, &tail);
          while (*tail == ' ' || *tail == 's')
            tail++;
          if (errno || tail == value || *tail || !(secs > 0) || secs > 86400) {
            if (err) snprintf(err, errlen, "bad '# %s: %s' (a number of seconds, e.g. 30)", key, value);
            return RIG_E_USAGE;
          }
          int ms = (int)(secs * 1000 + 0.5);
          if (ms < 1) ms = 1;
          if (inactivity)
            h->inactivity_ms = ms;
          else
            h->timeout_ms = ms;
        }
      }
    }
    pos = end + 1;
  }
  return RIG_OK;
}

// Whether [item] is one of the comma-separated entries of [list].
static int list_has(const char *list, const char *item) {
  while (list && *list) {
    size_t n = strcspn(list, ",");
    char entry[256];
    trimmed(list, n, entry, sizeof entry);
    if (!strcmp(entry, item)) return 1;
    list += n;
    if (*list == ',') list++;
  }
  return 0;
}

int test_header_missing(const char *requires, const char *have, char *out, size_t outlen) {
  int missing = 0;
  size_t used = 0;
  if (outlen) out[0] = '\0';
  while (requires && *requires) {
    size_t n = strcspn(requires, ",");
    char entry[256];
    trimmed(requires, n, entry, sizeof entry);
    if (entry[0] && !list_has(have, entry)) {
      missing++;
      if (used < outlen) used += (size_t)snprintf(out + used, outlen - used, "%s%s", used ? ", " : "", entry);
    }
    requires += n;
    if (*requires == ',') requires ++;
  }
  return missing;
}

char *suite_read_file(const char *path, size_t max, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap + 1);
  int e = buf ? 0 : ENOMEM;
  while (!e) {
    if (n == cap) {
      if (cap >= max) {
        e = EFBIG;
        break;
      }
      cap = cap * 2 > max ? max : cap * 2;
      char *p = realloc(buf, cap + 1);
      if (!p) {
        e = ENOMEM;
        break;
      }
      buf = p;
    }
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (got == 0) {
      if (ferror(f)) e = EIO;
      break;
    }
  }
  fclose(f);
  if (e) {
    free(buf);
    errno = e;
    return NULL;
  }
  buf[n] = '\0';
  *len = n;
  return buf;
}
