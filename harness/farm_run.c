// SPDX-License-Identifier: MIT
// farm_run.c: one worker thread per board (see farm_run.h).
//
// The main thread starts the workers, then only draws the progress line
// (on a terminal) until they are done; every result line is printed by the
// worker that measured it, under the output lock. Nothing a worker does
// waits on another board.
#include "farm_run.h"

#include "loopback.h"
#include "runner.h"
#include "transport.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct worker worker_t;

struct farm_run {
  farm_t farm;
  char report_dir[PATH_MAX];
  char vboard[PATH_MAX];
  char expect_fw[256];
  int repeat, timeout_ms, inactivity_ms, lost_after;
  FILE *out;
  int progress;
  report_t *rep;
  pthread_mutex_t out_lock;
  // Progress, under out_lock.
  size_t total, done;
  int failures, infra, boards_running, boards_lost;
  int64_t last_draw;
  farm_rfc2217_open_fn rfc_open;
  farm_rfc2217_lines_fn rfc_lines;
  farm_rfc2217_close_fn rfc_close;
  char err[PATH_MAX + 256];
};

struct worker {
  farm_run_t *fr;
  const farm_board_t *board;
  const suite_t *suite;
  int index; // in the report's boards
  transport_t *t;
  runner_t *run;
  int has_control;   // the vboard has a control socket
  int started;       // the thread was created
  void *rfc;         // the RFC 2217 session of an rfc2217:// board
  loopback_t *lb;    // the loopback checks (captures around "# loopback:" tests)
  char board_ip[32]; // a vboard's loopback address (--ip), "" otherwise
  int counted;       // its end is in the progress counts
  rig_status_t status;
  pthread_t thread;
};

farm_run_t *farm_run_new(const farm_t *farm) {
  farm_run_t *fr = calloc(1, sizeof *fr);
  if (!fr) return NULL;
  fr->farm = *farm;
  snprintf(fr->report_dir, sizeof fr->report_dir, "reports/runs");
  fr->repeat = 1;
  fr->timeout_ms = farm->timeout_ms ? farm->timeout_ms : RUNNER_DEFAULT_TIMEOUT_MS;
  fr->inactivity_ms = farm->inactivity_ms;
  fr->lost_after = farm->lost_after ? farm->lost_after : RUNNER_LOST_AFTER;
  pthread_mutex_init(&fr->out_lock, NULL);
  return fr;
}

void farm_run_free(farm_run_t *fr) {
  if (!fr) return;
  report_free(fr->rep);
  pthread_mutex_destroy(&fr->out_lock);
  free(fr);
}

void farm_run_set_report_dir(farm_run_t *fr, const char *dir) {
  snprintf(fr->report_dir, sizeof fr->report_dir, "%s", dir);
}
void farm_run_set_repeat(farm_run_t *fr, int n) {
  fr->repeat = n > 0 ? n : 1;
}
void farm_run_set_timeout(farm_run_t *fr, int ms) {
  if (ms > 0) fr->timeout_ms = ms;
}
void farm_run_set_inactivity(farm_run_t *fr, int ms) {
  if (ms > 0) fr->inactivity_ms = ms;
}
void farm_run_set_lost_after(farm_run_t *fr, int n) {
  if (n >= 0) fr->lost_after = n;
}
void farm_run_set_expect_firmware(farm_run_t *fr, const char *spec) {
  snprintf(fr->expect_fw, sizeof fr->expect_fw, "%s", spec ? spec : "");
}
void farm_run_set_vboard(farm_run_t *fr, const char *path) {
  snprintf(fr->vboard, sizeof fr->vboard, "%s", path ? path : "");
}
void farm_run_set_rfc2217(farm_run_t *fr, farm_rfc2217_open_fn open, farm_rfc2217_lines_fn lines,
                          farm_rfc2217_close_fn close) {
  fr->rfc_open = open;
  fr->rfc_lines = lines;
  fr->rfc_close = close;
}
void farm_run_set_output(farm_run_t *fr, FILE *out, int progress) {
  fr->out = out;
  fr->progress = progress;
}
const char *farm_run_report_path(const farm_run_t *fr) {
  return fr->rep ? report_path(fr->rep) : "";
}
const char *farm_run_run_dir(const farm_run_t *fr) {
  return fr->rep ? report_run_dir(fr->rep) : "";
}
const char *farm_run_errmsg(const farm_run_t *fr) {
  return fr->err;
}

int farm_exit_code_for_counts(int fail, int timeout, int crash, int infra, int lost) {
  if (fail || timeout || crash) return FARM_EXIT_FAIL;
  if (infra || lost) return FARM_EXIT_INFRA;
  return FARM_EXIT_OK;
}

// ---- output ----------------------------------------------------------

static const char *label(outcome_t o) {
  static const char *const labels[] = {"PASS", "FAIL", "SKIP", "TIMEOUT", "CRASH", "INFRA", "SKIP_TOO_LARGE"};
  return (unsigned)o < OUTCOME_COUNT ? labels[o] : "?";
}

// With out_lock held.
static void draw_progress(farm_run_t *fr) {
  if (!fr->out || !fr->progress) return;
  fprintf(fr->out, "\r\033[K[farm %s] boards %d running, %d lost | tests %zu/%zu | failures %d | infra %d",
          fr->farm.name[0] ? fr->farm.name : "", fr->boards_running, fr->boards_lost, fr->done, fr->total,
          fr->failures, fr->infra);
  fflush(fr->out);
  fr->last_draw = rig_now_ms();
}

static void on_result(void *ctx, const char *board, const report_test_t *r) {
  worker_t *w = ctx;
  farm_run_t *fr = w->fr;
  pthread_mutex_lock(&fr->out_lock);
  fr->done++;
  if (r->outcome == OUTCOME_FAIL || r->outcome == OUTCOME_TIMEOUT || r->outcome == OUTCOME_CRASH)
    fr->failures++;
  if (r->outcome == OUTCOME_INFRA) fr->infra++;
  if (fr->out) {
    // On a terminal only what needs a look gets a line; in a log, everything.
    int show = !fr->progress || (r->outcome != OUTCOME_PASS && r->outcome != OUTCOME_SKIP);
    if (show) {
      if (fr->progress) fprintf(fr->out, "\r\033[K");
      fprintf(fr->out, "%s %s %s", label(r->outcome), board, r->id);
      if (r->run > 0) fprintf(fr->out, " #%d", r->run);
      fprintf(fr->out, " %ld ms", r->duration_ms);
      if (r->reason && r->outcome != OUTCOME_PASS) fprintf(fr->out, " (%.300s)", r->reason);
      fputc('\n', fr->out);
    }
    // At most ten redraws a second (plus one after each printed line).
    if (show || rig_now_ms() - fr->last_draw >= 100) draw_progress(fr);
    fflush(fr->out);
  }
  pthread_mutex_unlock(&fr->out_lock);
}

static void log_line(farm_run_t *fr, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void log_line(farm_run_t *fr, const char *fmt, ...) {
  if (!fr->out) return;
  pthread_mutex_lock(&fr->out_lock);
  if (fr->progress) fprintf(fr->out, "\r\033[K");
  va_list ap;
  va_start(ap, fmt);
  vfprintf(fr->out, fmt, ap);
  va_end(ap);
  fputc('\n', fr->out);
  draw_progress(fr);
  fflush(fr->out);
  pthread_mutex_unlock(&fr->out_lock);
}

// ---- resets ----------------------------------------------------------

// The ladder's hard reset and power cycle for one board (runner_reset_fn).
static rig_status_t board_reset(void *ctx, transport_t *t, int power, char *msg, size_t msglen) {
  worker_t *w = ctx;
  const farm_board_t *b = w->board;
  farm_reset_t how = power ? b->power : b->reset;
  const char *cmd = power ? b->power_command : b->reset_command;
  char reply[256], err[512];
  switch (how) {
  case FARM_RESET_NONE:
    snprintf(msg, msglen, "no %s method", power ? "power" : "reset");
    return RIG_E_UNSUPPORTED;
  case FARM_RESET_VBOARD:
    if (w->has_control) {
      rig_status_t st =
          transport_vboard_control(t, power ? "reset power" : "reset hard", reply, sizeof reply);
      if (st == RIG_OK) {
        snprintf(msg, msglen, "vboard control: %s", power ? "reset power" : "reset hard");
        return RIG_OK;
      }
    }
    // Without a control socket both rungs restart the process: the
    // closest a virtual board has to pulling the plug.
    transport_close(t);
    snprintf(msg, msglen, "restarted the vboard process");
    return RIG_OK;
  case FARM_RESET_DTR_RTS: {
    // EN low through RTS, GPIO0 high (DTR released): a normal boot.
    rig_status_t st = transport_set_lines(t, 0, 1);
    if (st == RIG_OK) {
      rig_sleep_ms(120);
      st = transport_set_lines(t, 0, 0);
    }
    snprintf(msg, msglen, "pulsed RTS (EN) for 120 ms%s%s", st == RIG_OK ? "" : ": ",
             st == RIG_OK ? "" : transport_errmsg(t));
    return st;
  }
  case FARM_RESET_RFC2217: {
    if (!w->rfc || !w->fr->rfc_lines) {
      snprintf(msg, msglen, "no RFC 2217 session");
      return RIG_E_UNSUPPORTED;
    }
    rig_status_t st = w->fr->rfc_lines(w->rfc, 0, 1);
    if (st == RIG_OK) {
      rig_sleep_ms(120);
      st = w->fr->rfc_lines(w->rfc, 0, 0);
    }
    snprintf(msg, msglen, "pulsed RTS (EN) over RFC 2217 for 120 ms%s", st == RIG_OK ? "" : ": failed");
    return st;
  }
  case FARM_RESET_COMMAND: {
    int code;
    char out[1024];
    // A power cycle takes the USB adapter away too: let go of it first.
    transport_close(t);
    rig_status_t st = transport_run_command(cmd, 30000, out, sizeof out, &code, err, sizeof err);
    if (st != RIG_OK) {
      snprintf(msg, msglen, "'%s': %s", cmd, err);
      return st;
    }
    snprintf(msg, msglen, "'%s' exited %d", cmd, code);
    if (code != 0) return RIG_E_IO;
    // A serial device comes back a moment after the hub port does.
    transport_spec_t spec;
    char perr[256];
    if (transport_parse(b->connect, &spec, perr, sizeof perr) == RIG_OK && spec.kind == TRANSPORT_SERIAL) {
      struct stat sb;
      int64_t end = rig_now_ms() + 10000;
      while (stat(spec.device, &sb) < 0 && rig_now_ms() < end && !rig_stop_requested())
        rig_sleep_ms(100);
      rig_sleep_ms(500);
    }
    return RIG_OK;
  }
  }
  return RIG_E_UNSUPPORTED;
}

// ---- a worker --------------------------------------------------------

// Reports every test infra at once (a board whose connection kind the rig
// cannot drive yet).
static void all_infra(worker_t *w, const char *why) {
  for (size_t i = 0; i < w->suite->count && !rig_stop_requested(); i++)
    for (int k = 1; k <= w->fr->repeat; k++) {
      report_test_t r = {.id = w->suite->tests[i].id,
                         .outcome = OUTCOME_INFRA,
                         .reason = why,
                         .board = w->board->name,
                         .run = w->fr->repeat > 1 ? k : 0,
                         .rst_cause = -1,
                         .transcript_offset = -1};
      report_add_test(w->fr->rep, &r);
      on_result(w, w->board->name, &r);
    }
  report_health_t h = {.state = "unreachable", .lost = 1, .lost_reason = why};
  report_set_board_health(w->fr->rep, w->index, &h);
}

// The loopback checks of a board with wiring: its maps from the farm's
// wiring/ folder (beside the farm file), captures through the vboard's
// control socket (the vboard gets --wiring too unless its vboard_args say
// it) or the board's "capture" command; the board then declares
// "loopback". A wiring map that cannot be read is logged and the checks
// left out (their tests skip).
static void setup_loopback(worker_t *w, const transport_spec_t *spec, char *caps, size_t cap) {
  const farm_board_t *b = w->board;
  if (!b->nwiring) return;
  const char *names[FARM_MAX_WIRING];
  for (int i = 0; i < b->nwiring; i++)
    names[i] = b->wiring[i];
  char dir[PATH_MAX + 16], err[1024];
  snprintf(dir, sizeof dir, "%s/wiring", w->fr->farm.dir[0] ? w->fr->farm.dir : ".");
  w->lb = loopback_new();
  if (!w->lb) return;
  if (loopback_set_wiring(w->lb, names, b->nwiring, dir, err, sizeof err) != RIG_OK) {
    log_line(w->fr, "rig: %s: loopback checks left out: %s", b->name, err);
    loopback_free(w->lb);
    w->lb = NULL;
    return;
  }
  loopback_set_board(w->lb, b->name);
  if (spec->kind == TRANSPORT_VBOARD && w->has_control) {
    int given = 0;
    for (int i = 0; i < b->nvboard_args; i++)
      given |= !strcmp(b->vboard_args[i], "--wiring");
    if (!given) {
      char list[FARM_MAX_WIRING * 65] = "";
      for (int i = 0; i < b->nwiring; i++)
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? "," : "", b->wiring[i]);
      transport_add_vboard_arg(w->t, "--wiring");
      transport_add_vboard_arg(w->t, list);
    }
    loopback_use_vboard(w->lb, w->t);
  }
  if (b->capture[0]) loopback_use_command(w->lb, b->capture);
  if (loopback_ready(w->lb))
    snprintf(caps + strlen(caps), cap - strlen(caps), "%sloopback", caps[0] ? ", " : "");
  runner_hook_t hook;
  loopback_hook(w->lb, w->run, &hook);
  runner_set_hook(w->run, &hook);
}

static void *worker_main(void *arg) {
  worker_t *w = arg;
  farm_run_t *fr = w->fr;
  const farm_board_t *b = w->board;
  transport_spec_t spec;
  char err[1024];
  int rfc = !strncmp(b->connect, "rfc2217://", 10);
  if (rfc && !fr->rfc_open) {
    snprintf(err, sizeof err, "the rig cannot drive %.9s connections yet", b->connect);
    log_line(fr, "rig: %s: %s", b->name, err);
    all_infra(w, err);
    return NULL;
  }
  if (rfc) {
    if (fr->rfc_open(b->connect, TRANSPORT_DEFAULT_BAUD, &w->rfc, &w->t, err, sizeof err) != RIG_OK) {
      char why[1100];
      snprintf(why, sizeof why, "board unreachable: %s", err);
      log_line(fr, "rig: %s: %s", b->name, why);
      all_infra(w, why);
      return NULL;
    }
    memset(&spec, 0, sizeof spec);
    spec.kind = TRANSPORT_FD;
  } else if (transport_parse(b->connect, &spec, err, sizeof err) != RIG_OK) {
    all_infra(w, err);
    return NULL;
  }
  if (spec.kind == TRANSPORT_VBOARD && !spec.path[0] && fr->vboard[0] &&
      strlen(fr->vboard) < sizeof spec.path)
    memcpy(spec.path, fr->vboard, strlen(fr->vboard) + 1);
  if (!w->t) w->t = transport_new(&spec);
  if (w->t && spec.kind == TRANSPORT_WEBREPL && b->webrepl_password[0])
    transport_set_password(w->t, b->webrepl_password);
  w->run = runner_new();
  if (!w->t || !w->run) {
    w->status = RIG_E_NOMEM;
    return NULL;
  }
  if (spec.kind == TRANSPORT_VBOARD) {
    char path[TRANSPORT_TEXT_MAX], help[8192];
    transport_vboard_path(&spec, path, sizeof path);
    transport_vboard_help(path, help, sizeof help);
    if (strstr(help, "--control-port")) {
      transport_vboard_want_control(w->t);
      w->has_control = 1;
    }
    if (strstr(help, "--ip")) {
      // Each board its own loopback address: servers on the boards
      // (WebREPL on 8266) do not collide, and "# host: knock" finds them.
      transport_vboard_pick_ip(w->index, w->board_ip, sizeof w->board_ip);
      transport_add_vboard_arg(w->t, "--ip");
      transport_add_vboard_arg(w->t, w->board_ip);
      runner_set_peer_addresses(w->run, "127.0.0.1", w->board_ip);
    }
    // "generic" is vboard's own default (no profile file of that name).
    if (strcmp(b->module, "generic") && strstr(help, "--profile")) {
      transport_add_vboard_arg(w->t, "--profile");
      transport_add_vboard_arg(w->t, b->module);
    }
    for (int i = 0; i < b->nvboard_args; i++)
      transport_add_vboard_arg(w->t, b->vboard_args[i]);
  }
  char caps[1024];
  farm_capabilities(b, caps, sizeof caps);
  setup_loopback(w, &spec, caps, sizeof caps);
  runner_set_transport(w->run, w->t);
  runner_set_shared_report(w->run, fr->rep, w->index, b->name);
  runner_set_result_callback(w->run, on_result, w);
  runner_set_capabilities(w->run, caps);
  runner_set_timeout(w->run, b->timeout_ms ? b->timeout_ms : fr->timeout_ms);
  runner_set_inactivity(w->run, b->inactivity_ms ? b->inactivity_ms : fr->inactivity_ms);
  runner_set_repeat(w->run, fr->repeat);
  runner_set_lost_after(w->run, fr->lost_after);
  runner_set_expect_firmware(w->run, fr->expect_fw);
  runner_set_resetter(w->run, board_reset, w);
  if (fr->farm.enter_timeout_ms) runner_set_enter_timeout(w->run, fr->farm.enter_timeout_ms, 3);
  runner_set_output(w->run, NULL, 0);
  w->status = runner_run_board(w->run, w->suite);
  report_health_t h;
  runner_health(w->run, &h);
  pthread_mutex_lock(&fr->out_lock);
  fr->boards_running--;
  fr->boards_lost += h.lost;
  w->counted = 1;
  pthread_mutex_unlock(&fr->out_lock);
  if (h.lost || !strcmp(h.state, "refused") || !strcmp(h.state, "unreachable"))
    log_line(fr, "rig: board %s %s: %s", b->name, h.state,
             h.lost_reason ? h.lost_reason : "see its transcript");
  return NULL;
}

rig_status_t farm_run_run(farm_run_t *fr, const suite_t *suite, int *exit_code) {
  *exit_code = FARM_EXIT_INFRA;
  fr->rep = report_new();
  if (!fr->rep) return RIG_E_NOMEM;
  char target[96];
  snprintf(target, sizeof target, "farm:%s", fr->farm.name[0] ? fr->farm.name : "unnamed");
  report_set_target(fr->rep, target);
  rig_status_t st = report_create_run(fr->rep, fr->report_dir);
  if (st != RIG_OK) {
    snprintf(fr->err, sizeof fr->err, "%s", report_errmsg(fr->rep));
    return st;
  }
  report_set_farm(fr->rep, fr->farm.path, fr->repeat);
  worker_t *workers = calloc((size_t)fr->farm.nboards, sizeof *workers);
  if (!workers) return RIG_E_NOMEM;
  int n = 0;
  for (int i = 0; i < fr->farm.nboards; i++) {
    const farm_board_t *b = &fr->farm.boards[i];
    if (!b->enabled) continue;
    const char *wiring[FARM_MAX_WIRING];
    for (int k = 0; k < b->nwiring; k++)
      wiring[k] = b->wiring[k];
    char shown[TRANSPORT_TEXT_MAX];
    transport_redact(b->connect, shown, sizeof shown);
    workers[n] = (worker_t){.fr = fr, .board = b, .suite = suite};
    workers[n].index = report_add_board(fr->rep, b->name, shown, b->module, wiring, b->nwiring);
    n++;
  }
  fr->total = suite->count * (size_t)n * (size_t)fr->repeat;
  fr->boards_running = n;
  int64_t t0 = rig_now_ms();
  if (fr->out) {
    fprintf(fr->out, "rig: farm %s: %d board%s x %zu test%s%s; report %s\n", fr->farm.name, n,
            n == 1 ? "" : "s", suite->count, suite->count == 1 ? "" : "s",
            fr->repeat > 1 ? " (repeated)" : "", report_path(fr->rep));
    fflush(fr->out);
  }
  for (int i = 0; i < n; i++)
    workers[i].started = pthread_create(&workers[i].thread, NULL, worker_main, &workers[i]) == 0;
  for (int i = 0; i < n; i++) {
    if (!workers[i].started) {
      log_line(fr, "rig: board %s: cannot start a worker thread", workers[i].board->name);
      continue;
    }
    pthread_join(workers[i].thread, NULL);
    if (!workers[i].counted) { // ended early (all infra, out of memory)
      fr->boards_running--;
      fr->boards_lost++;
    }
    runner_free(workers[i].run);
    loopback_free(workers[i].lb);
    transport_free(workers[i].t); // stops its vboard
    if (workers[i].rfc && fr->rfc_close) fr->rfc_close(workers[i].rfc);
  }
  int aborted = rig_stop_requested() != 0;
  if (fr->out && fr->progress) {
    fprintf(fr->out, "\r\033[K");
    fflush(fr->out);
  }
  report_finish(fr->rep, aborted ? REPORT_ABORTED : REPORT_COMPLETE);
  free(workers);
  if (aborted) {
    *exit_code = FARM_EXIT_ABORTED;
  } else {
    *exit_code = farm_exit_code_for_counts(
        report_count(fr->rep, OUTCOME_FAIL), report_count(fr->rep, OUTCOME_TIMEOUT),
        report_count(fr->rep, OUTCOME_CRASH), report_count(fr->rep, OUTCOME_INFRA), fr->boards_lost);
  }
  if (fr->out) {
    fprintf(fr->out, "rig: farm run took %.1f s\n", (rig_now_ms() - t0) / 1000.0);
    fflush(fr->out);
  }
  return RIG_OK;
}
