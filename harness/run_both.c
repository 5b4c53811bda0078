// SPDX-License-Identifier: MIT
// run_both.c: one suite over the console and over WebREPL (run_both.h).
#include "run_both.h"

#include "repl_client.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
  const char *leg; // "console" or "webrepl"
  size_t n;
  char **ids;
  outcome_t *outcomes;
  size_t failed;
} leg_t;

static void on_result(void *ctx, const char *board, const report_test_t *r) {
  (void)board;
  leg_t *leg = ctx;
  printf("[%s] %s %s %ld ms", leg->leg, outcome_name(r->outcome), r->id, r->duration_ms);
  if (r->reason && r->outcome != OUTCOME_PASS) printf(" (%s)", r->reason);
  putchar('\n');
  fflush(stdout);
  char **ids = realloc(leg->ids, (leg->n + 1) * sizeof *ids);
  outcome_t *oc = realloc(leg->outcomes, (leg->n + 1) * sizeof *oc);
  if (ids) leg->ids = ids;
  if (oc) leg->outcomes = oc;
  if (!ids || !oc) return;
  leg->ids[leg->n] = strdup(r->id);
  leg->outcomes[leg->n] = r->outcome;
  leg->n++;
  if (r->outcome != OUTCOME_PASS && r->outcome != OUTCOME_SKIP && r->outcome != OUTCOME_SKIP_TOO_LARGE)
    leg->failed++;
}

static void leg_free(leg_t *leg) {
  for (size_t i = 0; i < leg->n; i++)
    free(leg->ids[i]);
  free(leg->ids);
  free(leg->outcomes);
}

static int run_leg(const run_both_t *rb, transport_t *t, const char *label, const char *board, suite_t *suite,
                   leg_t *leg) {
  runner_t *run = runner_new();
  if (!run) return RIG_EXIT_INFRA;
  runner_set_transport(run, t);
  runner_set_target_label(run, label);
  runner_set_board_name(run, board);
  rb->configure(run, rb->ctx);
  runner_set_output(run, stdout, 0);
  runner_set_result_callback(run, on_result, leg);
  int code = RIG_EXIT_INFRA;
  if (runner_run(run, suite, &code) != RIG_OK) fprintf(stderr, "rig run: %s\n", runner_errmsg(run));
  runner_free(run);
  return code;
}

// A password for this run only: 8 letters and digits (WebREPL takes 4-9).
static void make_password(char out[10]) {
  static const char abc[] = "abcdefghijkmnpqrstuvwxyz23456789";
  uint32_t seed = (uint32_t)rig_now_ms() * 2654435761u ^ (uint32_t)getpid();
  for (int i = 0; i < 8; i++) {
    seed = seed * 1103515245u + 12345u;
    out[i] = abc[(seed >> 16) % (sizeof abc - 1)];
  }
  out[8] = '\0';
}

// Starts WebREPL through the console's raw REPL, as a user would.
static rig_status_t start_webrepl(transport_t *console, const char *password, char *err, size_t errlen) {
  repl_t *r = repl_new(console);
  if (!r) return RIG_E_NOMEM;
  repl_result_t res;
  repl_result_init(&res);
  char code[200];
  snprintf(code, sizeof code, "import webrepl\nwebrepl.start(password='%s')\n", password);
  rig_status_t st = repl_enter(r);
  if (st == RIG_OK) st = repl_exec(r, code, strlen(code), 10000, &res);
  if (st != RIG_OK)
    snprintf(err, errlen, "%s", repl_errmsg(r));
  else if (res.err.len || !strstr(buf_str(&res.out), "Started webrepl")) {
    snprintf(err, errlen, "webrepl.start() failed: %.300s",
             res.err.len ? buf_str(&res.err) : buf_str(&res.out));
    st = RIG_E_PROTOCOL;
  }
  repl_result_free(&res);
  repl_free(r);
  return st;
}

int run_both(const run_both_t *rb, suite_t *suite) {
  leg_t a = {.leg = "console"}, b = {.leg = "webrepl"};
  int code_a = run_leg(rb, rb->console, rb->console_label, rb->console_board, suite, &a);
  int code_b = RIG_EXIT_INFRA;
  char password[10], err[600];
  const char *given = getenv("RIG_WEBREPL_PASSWORD");
  if (given && *given)
    snprintf(password, sizeof password, "%.9s", given);
  else
    make_password(password);
  transport_spec_t spec;
  transport_t *w = NULL;
  if (rig_stop_requested()) {
    code_b = RIG_EXIT_ABORTED;
  } else if (transport_parse(rb->webrepl, &spec, err, sizeof err) != RIG_OK) {
    fprintf(stderr, "rig run: %s\n", err);
  } else if (start_webrepl(rb->console, password, err, sizeof err) != RIG_OK) {
    fprintf(stderr, "rig run: cannot start WebREPL on the board: %s\n", err);
  } else if ((w = transport_new(&spec)) != NULL) {
    transport_set_password(w, password);
    char board[TRANSPORT_TEXT_MAX + 16];
    snprintf(board, sizeof board, "%s-webrepl", rb->console_board);
    code_b = run_leg(rb, w, rb->webrepl, board, suite, &b);
  }
  memset(password, 0, sizeof password);
  transport_free(w);
  // The tests whose outcome differs between the two ways in.
  size_t differ = 0;
  for (size_t i = 0; i < a.n; i++) {
    const char *other = "missing";
    for (size_t j = 0; j < b.n; j++)
      if (!strcmp(a.ids[i], b.ids[j])) {
        other = outcome_name(b.outcomes[j]);
        break;
      }
    if (strcmp(outcome_name(a.outcomes[i]), other)) {
      if (!differ++) printf("\ndifferences between the console and WebREPL:\n");
      printf("  %s: console %s, webrepl %s\n", a.ids[i], outcome_name(a.outcomes[i]), other);
    }
  }
  printf("\nboth: console %zu tests (%zu not passed), webrepl %zu tests (%zu not passed), %zu differ\n", a.n,
         a.failed, b.n, b.failed, differ);
  leg_free(&a);
  leg_free(&b);
  if (code_a == RIG_EXIT_ABORTED || code_b == RIG_EXIT_ABORTED) return RIG_EXIT_ABORTED;
  if (code_a == RIG_EXIT_INFRA || code_b == RIG_EXIT_INFRA) return RIG_EXIT_INFRA;
  return code_a || code_b || differ ? RIG_EXIT_FAIL : RIG_EXIT_OK;
}
