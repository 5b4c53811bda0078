// SPDX-License-Identifier: MIT
// triage.c: comparing runs (see triage.h).
//
// Each report is boiled down to one verdict per (board, test): the
// per_test verdict when the report has one (schema 2), else the worst
// outcome of its results. A history is a JSON object "board\x1fid" ->
// array of verdicts, one slot per run (null where the run lacked it).
#include "triage.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct triage {
  int nruns;
  char run_ids[TRIAGE_MAX_RUNS][64];
  json_t *hist;    // key -> [verdict|null per run]
  json_t *reasons; // key -> the newest reason
  json_t *modules; // board -> module (newest)
  json_t *lost;    // board -> state and reason of the newest run when not done
  json_t *infra_new; // key -> reason, infra results of the newest run
  int new_fail, fixed, still, flaky, infra;
  char err[PATH_MAX + 256];
};

triage_t *triage_new(void) {
  triage_t *tr = calloc(1, sizeof *tr);
  if (!tr) return NULL;
  tr->hist = json_object();
  tr->reasons = json_object();
  tr->modules = json_object();
  tr->lost = json_object();
  tr->infra_new = json_object();
  return tr;
}

void triage_free(triage_t *tr) {
  if (!tr) return;
  json_decref(tr->hist);
  json_decref(tr->reasons);
  json_decref(tr->modules);
  json_decref(tr->lost);
  json_decref(tr->infra_new);
  free(tr);
}

const char *triage_errmsg(const triage_t *tr) {
  return tr->err;
}
int triage_runs(const triage_t *tr) {
  return tr->nruns;
}

static int is_bad(const char *v) {
  return v && (!strcmp(v, "fail") || !strcmp(v, "timeout") || !strcmp(v, "crash"));
}

// Ranks outcomes so that the worst of several runs stands.
static int rank(const char *v) {
  static const char *const order[] = {"skip", "skip_too_large", "infra", "pass", "fail", "timeout", "crash"};
  for (int i = 0; i < 7; i++)
    if (!strcmp(v, order[i])) return i;
  return 0;
}

static void split_key(const char *key, char *board, size_t bcap, const char **id) {
  const char *sep = strchr(key, '\x1f');
  size_t n = sep ? (size_t)(sep - key) : 0;
  snprintf(board, bcap, "%.*s", (int)n, key);
  *id = sep ? sep + 1 : key;
}

rig_status_t triage_add_report(triage_t *tr, const char *path) {
  if (tr->nruns >= TRIAGE_MAX_RUNS) {
    snprintf(tr->err, sizeof tr->err, "at most %d runs", TRIAGE_MAX_RUNS);
    return RIG_E_OVERFLOW;
  }
  json_error_t je;
  json_t *root = json_load_file(path, 0, &je);
  if (!root) {
    snprintf(tr->err, sizeof tr->err, "%s:%d: %s", path, je.line, je.text);
    return RIG_E_JSON;
  }
  json_t *tests = json_object_get(root, "tests");
  if (!json_is_array(tests)) {
    snprintf(tr->err, sizeof tr->err, "%s: no \"tests\" array (not a rig report?)", path);
    json_decref(root);
    return RIG_E_JSON;
  }
  int run = tr->nruns++;
  const char *rid = json_string_value(json_object_get(root, "run_id"));
  snprintf(tr->run_ids[run], sizeof tr->run_ids[run], "%s", rid ? rid : path);
  const char *target = json_string_value(json_object_get(root, "target"));
  json_t *verdicts = json_object(); // this run's
  json_object_clear(tr->infra_new);
  json_object_clear(tr->lost);
  size_t i;
  json_t *t;
  json_array_foreach(tests, i, t) {
    const char *id = json_string_value(json_object_get(t, "id"));
    const char *oc = json_string_value(json_object_get(t, "outcome"));
    const char *board = json_string_value(json_object_get(t, "board"));
    if (!id || !oc) continue;
    char key[1024];
    snprintf(key, sizeof key, "%s\x1f%s", board ? board : (target ? target : "board"), id);
    const char *old = json_string_value(json_object_get(verdicts, key));
    if (!old || rank(oc) > rank(old)) json_object_set_new(verdicts, key, json_string(oc));
    const char *reason = json_string_value(json_object_get(t, "reason"));
    if (reason && strcmp(oc, "pass")) json_object_set_new(tr->reasons, key, json_string(reason));
    if (!strcmp(oc, "infra")) json_object_set_new(tr->infra_new, key, json_string(reason ? reason : ""));
  }
  // Repeated runs: passes and failures of one test make it flaky.
  json_t *per = json_object_get(root, "per_test");
  json_array_foreach(per, i, t) {
    const char *id = json_string_value(json_object_get(t, "id"));
    const char *board = json_string_value(json_object_get(t, "board"));
    const char *v = json_string_value(json_object_get(t, "verdict"));
    if (!id || !v) continue;
    char key[1024];
    snprintf(key, sizeof key, "%s\x1f%s", board ? board : (target ? target : "board"), id);
    json_object_set_new(verdicts, key, json_string(v));
  }
  json_t *boards = json_object_get(root, "boards");
  json_array_foreach(boards, i, t) {
    const char *name = json_string_value(json_object_get(t, "name"));
    const char *module = json_string_value(json_object_get(t, "module"));
    json_t *h = json_object_get(t, "health");
    const char *state = json_string_value(json_object_get(h, "state"));
    if (!name) continue;
    json_object_set_new(tr->modules, name, json_string(module ? module : "?"));
    if (state && strcmp(state, "done") && strcmp(state, "running")) {
      const char *why = json_string_value(json_object_get(h, "lost_reason"));
      char line[1200];
      snprintf(line, sizeof line, "%s%s%s", state, why ? ": " : "", why ? why : "");
      json_object_set_new(tr->lost, name, json_string(line));
    }
  }
  // Into the history: a slot per run for every key ever seen.
  const char *key;
  json_t *v;
  json_object_foreach(verdicts, key, v) {
    json_t *row = json_object_get(tr->hist, key);
    if (!row) {
      row = json_array();
      for (int k = 0; k < run; k++)
        json_array_append_new(row, json_null());
      json_object_set_new(tr->hist, key, row);
    }
    json_array_append(row, v);
  }
  json_object_foreach(tr->hist, key, v) if ((int)json_array_size(v) < run + 1) json_array_append_new(v, json_null());
  json_decref(verdicts);
  json_decref(root);
  // The classes, from the last two runs.
  tr->new_fail = tr->fixed = tr->still = tr->flaky = 0;
  tr->infra = (int)json_object_size(tr->infra_new) + (int)json_object_size(tr->lost);
  json_object_foreach(tr->hist, key, v) {
    const char *now = json_string_value(json_array_get(v, (size_t)run));
    const char *before = run > 0 ? json_string_value(json_array_get(v, (size_t)run - 1)) : NULL;
    if (!now) continue;
    if (!strcmp(now, "flaky"))
      tr->flaky++;
    else if (is_bad(now) && run > 0 && !is_bad(before) && !(before && !strcmp(before, "flaky")))
      tr->new_fail++;
    else if (is_bad(now))
      tr->still++;
    else if (!strcmp(now, "pass") && (is_bad(before) || (before && !strcmp(before, "flaky"))))
      tr->fixed++;
  }
  return RIG_OK;
}

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

// Run folders under [dir], sorted; *n of them. The caller frees.
static char **list_runs(const char *dir, int *n) {
  *n = 0;
  DIR *d = opendir(dir);
  if (!d) return NULL;
  int cap = 64;
  char **names = malloc((size_t)cap * sizeof *names);
  struct dirent *e;
  while (names && (e = readdir(d))) {
    if (e->d_name[0] < '0' || e->d_name[0] > '9') continue; // run ids start with the date
    char p[PATH_MAX];
    struct stat sb;
    snprintf(p, sizeof p, "%s/%s/report.json", dir, e->d_name);
    if (stat(p, &sb) < 0) continue;
    if (*n == cap) {
      char **more = realloc(names, (size_t)(cap *= 2) * sizeof *names);
      if (!more) break;
      names = more;
    }
    names[(*n)++] = strdup(e->d_name);
  }
  closedir(d);
  if (names) qsort(names, (size_t)*n, sizeof *names, cmp_names);
  return names;
}

static void free_runs(char **names, int n) {
  for (int i = 0; i < n; i++)
    free(names[i]);
  free(names);
}

void triage_previous_run(const char *dir, const char *run_id, char *out, size_t cap) {
  int n;
  char **names = list_runs(dir, &n);
  out[0] = '\0';
  for (int i = 0; names && i < n; i++)
    if (strcmp(names[i], run_id) < 0) snprintf(out, cap, "%s", names[i]);
  free_runs(names, names ? n : 0);
}

rig_status_t triage_add_history(triage_t *tr, const char *dir, int last_n) {
  int n;
  char **names = list_runs(dir, &n);
  if (!names) {
    snprintf(tr->err, sizeof tr->err, "%s: %s", dir, strerror(errno));
    return RIG_E_FILE;
  }
  if (last_n < 2) last_n = 2;
  rig_status_t st = RIG_OK;
  for (int i = n > last_n ? n - last_n : 0; i < n && st == RIG_OK; i++) {
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s/%s/report.json", dir, names[i]);
    st = triage_add_report(tr, p);
  }
  free_runs(names, n);
  return st;
}

int triage_new_failures(const triage_t *tr) {
  return tr->new_fail;
}
int triage_fixed(const triage_t *tr) {
  return tr->fixed;
}
int triage_still_failing(const triage_t *tr) {
  return tr->still;
}
int triage_flaky(const triage_t *tr) {
  return tr->flaky;
}
int triage_infra(const triage_t *tr) {
  return tr->infra;
}

int triage_exit_code(const triage_t *tr) {
  if (tr->new_fail) return TRIAGE_EXIT_REGRESSION;
  if (tr->infra) return TRIAGE_EXIT_INFRA;
  return TRIAGE_EXIT_OK;
}

// Flips between pass and bad over a row (a flaky verdict is one), as a
// share of the runs that had a verdict.
static double flake_score(json_t *row, int *runs, int *nflips) {
  const char *prev = NULL;
  int flips = 0, n = 0;
  size_t i;
  json_t *v;
  json_array_foreach(row, i, v) {
    const char *s = json_string_value(v);
    if (!s || (strcmp(s, "pass") && !is_bad(s) && strcmp(s, "flaky"))) continue;
    n++;
    if (!strcmp(s, "flaky"))
      flips++;
    else if (prev && strcmp(prev, "flaky") && is_bad(prev) != is_bad(s))
      flips++;
    prev = s;
  }
  *runs = n;
  *nflips = flips;
  return n > 1 || flips ? (double)flips / (n > 1 ? n - 1 : 1) : 0.0;
}

// Prints the keys [pick] chooses (with its note), grouped by board.
typedef int (*pick_fn)(const triage_t *tr, const char *key, json_t *row, char *note, size_t cap);

static int print_class(const triage_t *tr, FILE *out, const char *title, pick_fn pick) {
  // board -> [lines]
  json_t *groups = json_object();
  const char *key;
  json_t *row;
  int count = 0;
  json_object_foreach(tr->hist, key, row) {
    char note[1400];
    if (!pick(tr, key, row, note, sizeof note)) continue;
    char board[512];
    const char *id;
    split_key(key, board, sizeof board, &id);
    json_t *g = json_object_get(groups, board);
    if (!g) {
      g = json_array();
      json_object_set_new(groups, board, g);
    }
    char line[2048];
    snprintf(line, sizeof line, "%s%s%s", id, note[0] ? "  " : "", note);
    json_array_append_new(g, json_string(line));
    count++;
  }
  fprintf(out, "%s (%d)\n", title, count);
  const char *board;
  json_t *g;
  json_object_foreach(groups, board, g) {
    const char *module = json_string_value(json_object_get(tr->modules, board));
    fprintf(out, "  board %s (module %s):\n", board, module ? module : "?");
    size_t i;
    json_t *l;
    json_array_foreach(g, i, l) fprintf(out, "    %s\n", json_string_value(l));
  }
  json_decref(groups);
  return count;
}

static const char *at(json_t *row, int run) {
  return run >= 0 ? json_string_value(json_array_get(row, (size_t)run)) : NULL;
}

static void reason_note(const triage_t *tr, const char *key, const char *before, const char *now, char *note,
                        size_t cap) {
  const char *reason = json_string_value(json_object_get(tr->reasons, key));
  snprintf(note, cap, "%s -> %s%s%.300s", before ? before : "(new)", now, reason ? ": " : "", reason ? reason : "");
}

static int pick_new(const triage_t *tr, const char *key, json_t *row, char *note, size_t cap) {
  const char *now = at(row, tr->nruns - 1), *before = at(row, tr->nruns - 2);
  if (tr->nruns < 2 || !now || !is_bad(now) || is_bad(before) || (before && !strcmp(before, "flaky"))) return 0;
  reason_note(tr, key, before, now, note, cap);
  return 1;
}

static int pick_fixed(const triage_t *tr, const char *key, json_t *row, char *note, size_t cap) {
  (void)key;
  const char *now = at(row, tr->nruns - 1), *before = at(row, tr->nruns - 2);
  if (!now || strcmp(now, "pass") || !(is_bad(before) || (before && !strcmp(before, "flaky")))) return 0;
  snprintf(note, cap, "%s -> pass", before);
  return 1;
}

static int pick_still(const triage_t *tr, const char *key, json_t *row, char *note, size_t cap) {
  const char *now = at(row, tr->nruns - 1), *before = at(row, tr->nruns - 2);
  // With no earlier run every failure is listed here (nothing to regress from).
  if (!is_bad(now) || (tr->nruns > 1 && !is_bad(before))) return 0;
  reason_note(tr, key, before, now, note, cap);
  return 1;
}

static int pick_flaky(const triage_t *tr, const char *key, json_t *row, char *note, size_t cap) {
  (void)key;
  int runs, flips;
  double score = flake_score(row, &runs, &flips);
  const char *now = at(row, tr->nruns - 1);
  // One change is a regression or a fix; flaky means it went both ways.
  if (flips < 2 && !(now && !strcmp(now, "flaky"))) return 0;
  snprintf(note, cap, "flake score %.2f over %d run%s%s", score, runs, runs == 1 ? "" : "s",
           now && !strcmp(now, "flaky") ? " (flaky in the newest run)" : "");
  return 1;
}

void triage_print(const triage_t *tr, FILE *out) {
  if (tr->nruns >= 2)
    fprintf(out, "triage: %s -> %s (%d run%s of history)\n", tr->run_ids[tr->nruns - 2], tr->run_ids[tr->nruns - 1],
            tr->nruns, tr->nruns == 1 ? "" : "s");
  else
    fprintf(out, "triage: %s (no earlier run to compare with)\n", tr->nruns ? tr->run_ids[0] : "nothing");
  print_class(tr, out, "NEW FAILURES (regressions)", pick_new);
  print_class(tr, out, "FIXED", pick_fixed);
  print_class(tr, out, "STILL FAILING", pick_still);
  print_class(tr, out, "FLAKY", pick_flaky);
  fprintf(out, "INFRA PROBLEMS (%d; never product failures)\n", tr->infra);
  const char *board;
  json_t *v;
  json_object_foreach(tr->lost, board, v) {
    const char *module = json_string_value(json_object_get(tr->modules, board));
    fprintf(out, "  board %s (module %s): %s\n", board, module ? module : "?", json_string_value(v));
  }
  // Infra results, grouped like the rest but summarised per board.
  json_t *per_board = json_object();
  const char *key;
  json_object_foreach(tr->infra_new, key, v) {
    char b[512];
    const char *id;
    split_key(key, b, sizeof b, &id);
    json_t *c = json_object_get(per_board, b);
    json_object_set_new(per_board, b, json_integer(c ? json_integer_value(c) + 1 : 1));
  }
  json_object_foreach(per_board, board, v) {
    const char *module = json_string_value(json_object_get(tr->modules, board));
    fprintf(out, "  board %s (module %s): %lld test%s infra\n", board, module ? module : "?",
            (long long)json_integer_value(v), json_integer_value(v) == 1 ? "" : "s");
  }
  json_decref(per_board);
  fprintf(out, "triage: %d new failure%s, %d fixed, %d still failing, %d flaky, %d infra\n", tr->new_fail,
          tr->new_fail == 1 ? "" : "s", tr->fixed, tr->still, tr->flaky, tr->infra);
}
