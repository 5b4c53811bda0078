// SPDX-License-Identifier: MIT
// rig_main.c: the `rig` command line: run, report, ports.
#include "report.h"
#include "rig_status.h"
#include "runner.h"
#include "schema_check.h"
#include "suite.h"
#include "transport.h"

#include <libserialport.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef PYRITE_VERSION
#define PYRITE_VERSION "0.0.0"
#endif
#ifndef PYRITE_GIT_COMMIT
#define PYRITE_GIT_COMMIT "unknown"
#endif
#ifndef PYRITE_BUILD_DATE
#define PYRITE_BUILD_DATE "unknown"
#endif

static void usage_main(FILE *to) {
  fprintf(to, "usage: rig COMMAND [OPTIONS]\n"
              "\n"
              "The Pyrite test rig: runs Python conformance tests on boards that speak the\n"
              "MicroPython raw REPL (real ESP8266 boards, the virtual board vboard, QEMU)\n"
              "and writes JSON reports.\n"
              "\n"
              "commands:\n"
              "  run --target TARGET [OPTIONS] PATH...   run tests, write a report\n"
              "  report FILE                             list a report's tests and counts\n"
              "  report --check FILE [--schema FILE]     validate a report against its schema\n"
              "  ports                                   list local serial ports\n"
              "\n"
              "  rig --version       print the version\n"
              "  rig COMMAND --help  help on one command\n"
              "\n"
              "targets:\n"
              "  tcp:HOST:PORT           a raw TCP console (ser2net, a vboard started elsewhere)\n"
              "  serial:DEVICE[@BAUD]    a local serial port, 8N1, default 115200 baud\n"
              "  exec:COMMAND [ARGS...]  a command's stdin/stdout (e.g. QEMU); words split on\n"
              "                          blanks, quotes allowed, no shell\n"
              "  vboard[:PATH]           start the virtual board (PATH, default: vboard beside\n"
              "                          the rig build, ../port_esp8266/vboard, else on PATH),\n"
              "                          connect to it, stop it at the end\n");
}

static void usage_run(FILE *to) {
  fprintf(to, "usage: rig run --target TARGET [OPTIONS] PATH...\n"
              "\n"
              "Runs each test on the board, one at a time: soft reset, send the file over\n"
              "raw-paste (plain raw REPL if the board lacks it), compare its stdout (\\r\\n\n"
              "read as \\n) with the .exp file beside it.\n"
              "\n"
              "PATH is a test file X.py (X.py.exp must exist) or a directory searched\n"
              "recursively for *.py files that have a .py.exp beside them. Test ids are paths\n"
              "relative to the nearest enclosing directory named 'conformance' (else the\n"
              "directory given), e.g. lang/arith_int.py; tests run sorted by id.\n"
              "\n"
              "options:\n"
              "  --target TARGET     the board (see 'rig --help' for the forms); required\n"
              "  --report-dir DIR    where runs are written (default reports/runs):\n"
              "                      DIR/<run-id>/report.json, DIR/<run-id>/transcript-<board>.log,\n"
              "                      and DIR/latest -> <run-id>\n"
              "  --timeout SEC       per-test timeout (default 10); a test's '# timeout: N' wins\n"
              "  --filter SUBSTR     only tests whose id contains SUBSTR\n"
              "  --vboard-arg ARG    one more argument for vboard (repeatable; vboard targets)\n"
              "\n"
              "test header lines (leading '#' comments):\n"
              "  # skip: REASON      always skipped\n"
              "  # requires: A, B    skipped with 'requires A, B' unless the target declares them\n"
              "                      (targets declare nothing yet)\n"
              "  # timeout: N        N seconds instead of the default\n"
              "\n"
              "outcomes: pass, fail (output differs, or the test raised: diff and traceback in\n"
              "the report), skip, timeout (then Ctrl-C and soft reset), crash (connection lost or\n"
              "board rebooted: console tail in the report), infra (board unreachable).\n"
              "\n"
              "The report is rewritten after every test; on SIGINT/SIGTERM it is marked\n"
              "'aborted' and the rig exits 130. A vboard the rig started is always stopped.\n"
              "\n"
              "exit status: 0 every test pass or skip; 1 any fail, timeout or crash;\n"
              "2 only infra problems, or a usage error; 130 interrupted.\n");
}

static void usage_report(FILE *to) {
  fprintf(to, "usage: rig report FILE\n"
              "       rig report --check FILE [--schema SCHEMA]\n"
              "\n"
              "Without --check: prints 'ID OUTCOME' for each test of the report FILE\n"
              "(with '# reason' when there is one), then the counts.\n"
              "\n"
              "With --check: validates FILE against the report JSON Schema and prints the\n"
              "problems. The default SCHEMA is ../../reports/report.schema.json relative to\n"
              "the rig executable (an in-tree build such as build/harness/rig), else the\n"
              "source tree's reports/report.schema.json recorded at build time.\n"
              "\n"
              "exit status: 0 valid (or listed); 1 invalid; 2 unreadable file or usage error.\n");
}

static void usage_ports(FILE *to) {
  fprintf(to, "usage: rig ports\n"
              "\n"
              "Lists local serial ports (libserialport) with their description and, for USB\n"
              "adapters, VID:PID, serial number, manufacturer and product. A port NAME is\n"
              "used as --target serial:NAME[@BAUD].\n");
}

static int wants_help(const char *a) {
  return !strcmp(a, "--help") || !strcmp(a, "-h");
}

// A board name for the transcript file, from the target.
static void board_name(const transport_spec_t *spec, char *out, size_t cap) {
  switch (spec->kind) {
  case TRANSPORT_TCP: snprintf(out, cap, "%s-%d", spec->host, spec->port); break;
  case TRANSPORT_SERIAL: {
    const char *slash = strrchr(spec->device, '/');
    snprintf(out, cap, "%s", slash ? slash + 1 : spec->device);
    break;
  }
  case TRANSPORT_EXEC: {
    char store[TRANSPORT_TEXT_MAX];
    char *argv[TRANSPORT_ARGS_MAX];
    if (transport_split_args(spec->command, store, sizeof store, argv, TRANSPORT_ARGS_MAX) > 0) {
      const char *slash = strrchr(argv[0], '/');
      snprintf(out, cap, "%s", slash ? slash + 1 : argv[0]);
    } else {
      snprintf(out, cap, "exec");
    }
    break;
  }
  default: snprintf(out, cap, "vboard"); break;
  }
}

static int cmd_run(int argc, char **argv) {
  const char *target = NULL, *report_dir = "reports/runs", *filter = NULL;
  double timeout_s = RUNNER_DEFAULT_TIMEOUT_MS / 1000.0;
  const char *vargs[TRANSPORT_ARGS_MAX];
  int nvargs = 0;
  const char *paths[1024];
  int npaths = 0;
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    int has_value = i + 1 < argc;
    if (wants_help(a)) {
      usage_run(stdout);
      return 0;
    } else if (!strcmp(a, "--target") && has_value) {
      target = argv[++i];
    } else if (!strcmp(a, "--report-dir") && has_value) {
      report_dir = argv[++i];
    } else if (!strcmp(a, "--filter") && has_value) {
      filter = argv[++i];
    } else if (!strcmp(a, "--timeout") && has_value) {
      char *end;
      timeout_s = strtod(argv[++i], &end);
      if (*end || !(timeout_s > 0) || timeout_s > 86400) {
        fprintf(stderr, "rig run: bad --timeout '%s' (seconds, e.g. 10)\n", argv[i]);
        return RIG_EXIT_INFRA;
      }
    } else if (!strcmp(a, "--vboard-arg") && has_value) {
      if (nvargs >= TRANSPORT_ARGS_MAX - 8) {
        fprintf(stderr, "rig run: too many --vboard-arg\n");
        return RIG_EXIT_INFRA;
      }
      vargs[nvargs++] = argv[++i];
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "rig run: unknown option or missing value: '%s' (see rig run --help)\n", a);
      return RIG_EXIT_INFRA;
    } else {
      if (npaths >= (int)(sizeof paths / sizeof paths[0])) {
        fprintf(stderr, "rig run: too many paths\n");
        return RIG_EXIT_INFRA;
      }
      paths[npaths++] = a;
    }
  }
  if (!target) {
    fprintf(stderr, "rig run: --target is required (see rig run --help)\n");
    return RIG_EXIT_INFRA;
  }
  if (!npaths) {
    fprintf(stderr, "rig run: no test files or directories given (see rig run --help)\n");
    return RIG_EXIT_INFRA;
  }
  transport_spec_t spec;
  char err[2048];
  if (transport_parse(target, &spec, err, sizeof err) != RIG_OK) {
    fprintf(stderr, "rig run: %s\n", err);
    return RIG_EXIT_INFRA;
  }
  if (nvargs && spec.kind != TRANSPORT_VBOARD) {
    fprintf(stderr, "rig run: --vboard-arg needs a vboard target\n");
    return RIG_EXIT_INFRA;
  }
  suite_t suite;
  suite_init(&suite);
  for (int i = 0; i < npaths; i++)
    if (suite_add_path(&suite, paths[i]) != RIG_OK) {
      fprintf(stderr, "rig run: %s\n", suite.err);
      suite_free(&suite);
      return RIG_EXIT_INFRA;
    }
  suite_finish(&suite, filter);
  if (suite.ignored)
    fprintf(stderr, "rig run: note: %zu .py file%s without a .py.exp ignored (e.g. %s)\n", suite.ignored,
            suite.ignored == 1 ? "" : "s", suite.first_ignored);
  if (!suite.count) {
    fprintf(stderr, "rig run: no tests found%s%s%s\n", filter ? " matching '" : "", filter ? filter : "",
            filter ? "'" : "");
    suite_free(&suite);
    return RIG_EXIT_INFRA;
  }

  rig_signals_install();
  transport_t *t = transport_new(&spec);
  runner_t *run = runner_new();
  if (!t || !run) {
    fprintf(stderr, "rig run: out of memory\n");
    return RIG_EXIT_INFRA;
  }
  for (int i = 0; i < nvargs; i++)
    transport_add_vboard_arg(t, vargs[i]);
  char label[TRANSPORT_TEXT_MAX], board[TRANSPORT_TEXT_MAX + 16];
  transport_redact(target, label, sizeof label);
  board_name(&spec, board, sizeof board);
  runner_set_transport(run, t);
  runner_set_target_label(run, label);
  runner_set_board_name(run, board);
  runner_set_report_dir(run, report_dir);
  runner_set_timeout(run, (int)(timeout_s * 1000 + 0.5));
  runner_set_output(run, stdout, isatty(1));
  int code;
  if (runner_run(run, &suite, &code) != RIG_OK) fprintf(stderr, "rig run: %s\n", runner_errmsg(run));
  transport_free(t); // stops a vboard we started
  runner_free(run);
  suite_free(&suite);
  if (rig_stop_requested()) code = RIG_EXIT_ABORTED;
  return code;
}

static int cmd_report(int argc, char **argv) {
  int check = 0;
  const char *file = NULL, *schema = NULL;
  for (int i = 0; i < argc; i++) {
    if (wants_help(argv[i])) {
      usage_report(stdout);
      return 0;
    } else if (!strcmp(argv[i], "--check")) {
      check = 1;
    } else if (!strcmp(argv[i], "--schema") && i + 1 < argc) {
      schema = argv[++i];
    } else if (argv[i][0] == '-') {
      fprintf(stderr, "rig report: unknown option or missing value: '%s' (see rig report --help)\n", argv[i]);
      return 2;
    } else if (!file) {
      file = argv[i];
    } else {
      fprintf(stderr, "rig report: one report file at a time\n");
      return 2;
    }
  }
  if (!file) {
    fprintf(stderr, "rig report: no report file given (see rig report --help)\n");
    return 2;
  }
  if (schema && !check) {
    fprintf(stderr, "rig report: --schema goes with --check\n");
    return 2;
  }
  if (!check) {
    char err[1024];
    if (report_print(file, stdout, err, sizeof err) != RIG_OK) {
      fprintf(stderr, "rig report: %s\n", err);
      return 2;
    }
    return 0;
  }
  char def[PATH_MAX];
  if (!schema) {
    if (!schema_default_path(def, sizeof def)) {
      fprintf(stderr, "rig report: cannot find reports/report.schema.json; give --schema FILE\n");
      return 2;
    }
    schema = def;
  }
  buf_t errors;
  buf_init(&errors, 64 * 1024);
  rig_status_t st = schema_check_files(schema, file, &errors);
  int code = 0;
  if (st == RIG_OK) {
    printf("%s: valid (schema %s)\n", file, schema);
  } else if (st == RIG_E_SCHEMA) {
    fprintf(stderr, "%s: does not match %s:\n%s", file, schema, buf_str(&errors));
    code = 1;
  } else {
    fprintf(stderr, "rig report: %s", buf_str(&errors));
    code = 2;
  }
  buf_free(&errors);
  return code;
}

static int cmd_ports(int argc, char **argv) {
  if (argc > 0 && wants_help(argv[0])) {
    usage_ports(stdout);
    return 0;
  }
  if (argc > 0) {
    fprintf(stderr, "rig ports: takes no arguments\n");
    return 2;
  }
  struct sp_port **ports = NULL;
  enum sp_return r = sp_list_ports(&ports);
  if (r != SP_OK) {
    char *m = sp_last_error_message();
    fprintf(stderr, "rig ports: cannot list serial ports: %s\n", m ? m : "error");
    if (m) sp_free_error_message(m);
    return 2;
  }
  int n = 0;
  for (; ports[n]; n++) {
    struct sp_port *p = ports[n];
    const char *desc = sp_get_port_description(p);
    printf("%s", sp_get_port_name(p));
    if (desc) printf("  %s", desc);
    if (sp_get_port_transport(p) == SP_TRANSPORT_USB) {
      int vid = 0, pid = 0;
      if (sp_get_port_usb_vid_pid(p, &vid, &pid) == SP_OK) printf("  usb %04x:%04x", vid, pid);
      const char *serial = sp_get_port_usb_serial(p), *man = sp_get_port_usb_manufacturer(p),
                 *prod = sp_get_port_usb_product(p);
      if (serial) printf("  serial=%s", serial);
      if (man) printf("  manufacturer=\"%s\"", man);
      if (prod) printf("  product=\"%s\"", prod);
    } else if (sp_get_port_transport(p) == SP_TRANSPORT_BLUETOOTH) {
      printf("  bluetooth");
    }
    putchar('\n');
  }
  sp_free_port_list(ports);
  if (!n) printf("no serial ports found\n");
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage_main(stderr);
    return 2;
  }
  const char *cmd = argv[1];
  if (wants_help(cmd) || !strcmp(cmd, "help")) {
    if (argc > 2 && !strcmp(argv[2], "run"))
      usage_run(stdout);
    else if (argc > 2 && !strcmp(argv[2], "report"))
      usage_report(stdout);
    else if (argc > 2 && !strcmp(argv[2], "ports"))
      usage_ports(stdout);
    else
      usage_main(stdout);
    return 0;
  }
  if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
    printf("rig %s (Pyrite, git %s, built %s)\n", PYRITE_VERSION, PYRITE_GIT_COMMIT, PYRITE_BUILD_DATE);
    return 0;
  }
  if (!strcmp(cmd, "run")) return cmd_run(argc - 2, argv + 2);
  if (!strcmp(cmd, "report")) return cmd_report(argc - 2, argv + 2);
  if (!strcmp(cmd, "ports")) return cmd_ports(argc - 2, argv + 2);
  fprintf(stderr, "rig: unknown command '%s' (see rig --help)\n", cmd);
  return 2;
}
