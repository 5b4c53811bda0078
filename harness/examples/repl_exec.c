// SPDX-License-Identifier: MIT
// repl_exec.c: a complete small program on the rig library: run one piece
// of Python on a board over the raw REPL and print what it printed.
//
//   repl_exec TARGET CODE        e.g. repl_exec tcp:127.0.0.1:2323 "print(1 + 1)"
//   repl_exec TARGET -f FILE.py
//
// Exit status: 0 ran without an uncaught exception, 1 it raised, 2 the
// board could not be reached or did not finish in 10 s.
#include "repl_client.h"
#include "suite.h"
#include "transport.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  if (argc != 3 && !(argc == 4 && !strcmp(argv[2], "-f"))) {
    fprintf(stderr, "usage: repl_exec TARGET CODE | repl_exec TARGET -f FILE.py\n");
    return 2;
  }
  // 1. The target string becomes a transport.
  transport_spec_t spec;
  char err[2048];
  if (transport_parse(argv[1], &spec, err, sizeof err) != RIG_OK) {
    fprintf(stderr, "repl_exec: %s\n", err);
    return 2;
  }
  size_t len = strlen(argv[2]);
  char *code = argc == 4 ? suite_read_file(argv[3], 1 << 20, &len) : strdup(argv[2]);
  if (!code) {
    perror("repl_exec");
    return 2;
  }
  rig_signals_install(); // Ctrl-C stops the waits; the board process is stopped
  transport_t *t = transport_new(&spec);
  repl_t *r = repl_new(t);
  repl_result_t res;
  repl_result_init(&res);
  int status = 2;

  // 2. Connect, enter the raw REPL, run, read stdout and stderr.
  rig_status_t st = transport_open(t);
  if (st != RIG_OK) fprintf(stderr, "repl_exec: %s: %s\n", rig_strerror(st), transport_errmsg(t));
  if (st == RIG_OK && (st = repl_enter(r)) != RIG_OK) fprintf(stderr, "repl_exec: %s\n", repl_errmsg(r));
  if (st == RIG_OK) {
    st = repl_exec(r, code, len, 10000, &res);
    fwrite(buf_str(&res.out), 1, res.out.len, stdout);
    fwrite(buf_str(&res.err), 1, res.err.len, stderr);
    if (st == RIG_OK) {
      status = res.err.len ? 1 : 0;
    } else {
      fprintf(stderr, "repl_exec: %s\n", repl_errmsg(r));
      char what[256];
      if (st == RIG_E_TIMEOUT && repl_interrupt(r, what, sizeof what) == RIG_OK)
        fprintf(stderr, "repl_exec: %s\n", what);
    }
  }

  // 3. Everything is freed in reverse; transport_free stops a vboard.
  repl_result_free(&res);
  repl_free(r);
  transport_free(t);
  free(code);
  return status;
}
