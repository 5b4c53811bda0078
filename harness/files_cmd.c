// SPDX-License-Identifier: MIT
// files_cmd.c: `rig put` and `rig get`, a file to or from a board's
// filesystem over any target (WebREPL's file protocol on webrepl://, the
// raw REPL elsewhere).
#include "files_cmd.h"

#include "file_transfer.h"
#include "runner.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FILES_TIMEOUT_MS 20000
#define FILES_MAX (4u << 20) // what the rig holds in memory; boards have less flash

void files_cmd_usage(FILE *to, int put) {
  if (put)
    fprintf(to, "usage: rig put --target TARGET LOCAL [REMOTE]\n"
                "\n"
                "Copies the file LOCAL to the board as REMOTE (default: LOCAL's base name).\n"
                "On a webrepl:// target it uses WebREPL's file protocol (PUT_FILE); on any\n"
                "other target small programs in the raw REPL write it with open()/write().\n"
                "REMOTE is at most 63 bytes. Exit status 0 when written, 2 otherwise.\n");
  else
    fprintf(to, "usage: rig get --target TARGET REMOTE [LOCAL|-]\n"
                "\n"
                "Copies the board's file REMOTE to LOCAL (default: REMOTE's base name; '-'\n"
                "for standard output). On a webrepl:// target it uses WebREPL's file\n"
                "protocol (GET_FILE); elsewhere the raw REPL reads it and prints hex.\n"
                "LOCAL is written only when the whole file arrived. Exit status 0 or 2.\n");
}

static const char *base_name(const char *p) {
  const char *s = strrchr(p, '/');
  return s ? s + 1 : p;
}

static int read_file(const char *path, buf_t *b) {
  FILE *f = fopen(path, "rb");
  if (!f) return -1;
  char chunk[8192];
  size_t n;
  int ok = 1;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    if (buf_append(b, chunk, n) != RIG_OK) {
      ok = 0;
      errno = EFBIG;
      break;
    }
  if (ferror(f)) ok = 0;
  fclose(f);
  return ok ? 0 : -1;
}

// Writes [b] to [path] through a temporary file, so a failed write never
// leaves half a file under the real name.
static int write_file(const char *path, const buf_t *b) {
  if (!strcmp(path, "-")) return fwrite(b->data ? b->data : "", 1, b->len, stdout) == b->len ? 0 : -1;
  char tmp[4200];
  snprintf(tmp, sizeof tmp, "%s.rig-tmp", path);
  FILE *f = fopen(tmp, "wb");
  if (!f) return -1;
  int ok = fwrite(b->data ? b->data : "", 1, b->len, f) == b->len;
  ok &= fclose(f) == 0;
  if (!ok || rename(tmp, path)) {
    remove(tmp);
    return -1;
  }
  return 0;
}

int files_cmd_main(int put, int argc, char **argv) {
  const char *cmd = put ? "put" : "get";
  const char *target = NULL, *args[2] = {NULL, NULL};
  int nargs = 0;
  for (int i = 0; i < argc; i++) {
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
      files_cmd_usage(stdout, put);
      return 0;
    } else if (!strcmp(argv[i], "--target") && i + 1 < argc) {
      target = argv[++i];
    } else if (argv[i][0] == '-' && argv[i][1]) {
      fprintf(stderr, "rig %s: unknown option '%s' (see rig %s --help)\n", cmd, argv[i], cmd);
      return RIG_EXIT_INFRA;
    } else if (nargs < 2) {
      args[nargs++] = argv[i];
    } else {
      fprintf(stderr, "rig %s: too many arguments (see rig %s --help)\n", cmd, cmd);
      return RIG_EXIT_INFRA;
    }
  }
  if (!target || !nargs) {
    fprintf(stderr, "rig %s: needs --target and a file (see rig %s --help)\n", cmd, cmd);
    return RIG_EXIT_INFRA;
  }
  const char *src = args[0], *dst = args[1] ? args[1] : base_name(args[0]);
  char err[2048];
  transport_spec_t spec;
  if (transport_parse(target, &spec, err, sizeof err) != RIG_OK) {
    fprintf(stderr, "rig %s: %s\n", cmd, err);
    return RIG_EXIT_INFRA;
  }
  buf_t data;
  buf_init(&data, FILES_MAX);
  if (put && read_file(src, &data)) {
    fprintf(stderr, "rig put: cannot read '%s': %s\n", src, strerror(errno));
    buf_free(&data);
    return RIG_EXIT_INFRA;
  }
  rig_signals_install();
  transport_t *t = transport_new(&spec);
  repl_t *r = t ? repl_new(t) : NULL;
  rig_status_t st = r ? transport_open(t) : RIG_E_NOMEM;
  if (st != RIG_OK) {
    fprintf(stderr, "rig %s: cannot reach the board: %s\n", cmd, t ? transport_errmsg(t) : rig_strerror(st));
  } else {
    int64_t t0 = rig_now_ms();
    st = put ? files_put(t, r, dst, data.data ? data.data : "", data.len, FILES_TIMEOUT_MS, err, sizeof err)
             : files_get(t, r, src, &data, FILES_TIMEOUT_MS, err, sizeof err);
    if (st != RIG_OK) {
      fprintf(stderr, "rig %s: %s\n", cmd, err);
    } else if (!put && write_file(dst, &data)) {
      fprintf(stderr, "rig get: cannot write '%s': %s\n", dst, strerror(errno));
      st = RIG_E_FILE;
    } else if (strcmp(dst, "-")) {
      double secs = (double)(rig_now_ms() - t0) / 1000.0;
      fprintf(stderr, "rig %s: %s -> %s, %zu bytes in %.2f s\n", cmd, src, dst, data.len, secs);
    }
  }
  repl_free(r);
  transport_free(t);
  buf_free(&data);
  return st == RIG_OK ? RIG_EXIT_OK : RIG_EXIT_INFRA;
}
