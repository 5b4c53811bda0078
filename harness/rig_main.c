// SPDX-License-Identifier: MIT
// rig_main.c: the `rig` command line: run, report, nightly, farm, triage, ports,
// and the entry points of flash, validate, loopback, put and get.
#include "farm.h"
#include "farm_run.h"
#include "flash_cmd.h"
#include "loopback_cmd.h"
#include "report.h"
#include "report_export.h"
#include "rig_status.h"
#include "runner.h"
#include "schema_check.h"
#include "suite.h"
#include "transport.h"
#include "files_cmd.h"
#include "run_both.h"
#include "transport_rfc2217.h"
#include "triage.h"

#include <jansson.h>
#include <libserialport.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
              "  report --junit|--html FILE [-o OUT]     JUnit XML / one HTML page from a report\n"
              "  nightly [--farm FILE] [OPTIONS] [PATH...]  run a whole farm, export, triage\n"
              "  farm check FILE                         validate a farm file\n"
              "  farm run --farm FILE [OPTIONS] [PATH...] run a farm (no triage)\n"
              "  triage OLD NEW | triage --history DIR   regressions, fixes, flaky, infra\n"
              "  loopback analyse --check C CAPTURE      analyse a capture file (VCD, sigrok CSV)\n"
              "  ports                                   list local serial ports\n"
              "  flash --target TARGET [OPTIONS] IMAGE   write an image through the ESP8266 ROM loader\n"
              "  validate --target TARGET [--profile P]  check a module: chip, flash ID and size, RAM\n"
              "  put --target TARGET LOCAL [REMOTE]      copy a file to the board's filesystem\n"
              "  get --target TARGET REMOTE [LOCAL|-]    copy a file from the board\n"
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
              "                          connect to it, stop it at the end\n"
              "  webrepl://HOST[:PORT]   a board's WebREPL (default port 8266); the password\n"
              "                          comes from the farm file or $RIG_WEBREPL_PASSWORD\n");
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
              "  --transport both    run the suite over the console, then start WebREPL on the\n"
              "                      board (webrepl.start with a made-up password, or\n"
              "                      $RIG_WEBREPL_PASSWORD) and run it again over WebREPL; print\n"
              "                      the tests whose outcome differs (exit 1 when any does)\n"
              "  --webrepl URL       the board's webrepl://HOST[:PORT] for --transport both\n"
              "                      (default for vboard targets: its own address, port 8266)\n"
              "  --inactivity SEC    longest silence within a test (default: none but --timeout);\n"
              "                      a test's '# inactivity: N' wins\n"
              "  --repeat N          run each test N times; per-test pass counts, 'flaky' verdicts\n"
              "  --lost-after N      give the board up after N tests in a row end in timeout or\n"
              "                      crash (default 4; 0 never)\n"
              "  --expect-firmware NAME[:RELEASE[:BUILD]]\n"
              "                      refuse (infra) a board whose identity differs, e.g.\n"
              "                      pyrite:v0.1.0\n"
              "  --wiring NAME[,NAME...]\n"
              "                      the board's wiring maps (fixtures/wiring/NAME.json): run the\n"
              "                      loopback checks (tests with '# loopback: CHECK'); a vboard\n"
              "                      target is started with the same --wiring; the board declares\n"
              "                      'loopback' and fixture:NAME for '# requires:'\n"
              "  --wiring-dir DIR    where the maps are (default fixtures/wiring)\n"
              "  --capabilities LIST what the board has, for '# requires:' (comma-separated, e.g.\n"
              "                      'fs, fixture:i2c-eeprom'); a vboard target also declares\n"
              "                      module:NAME (its --profile, else generic), fs (1 MB of flash\n"
              "                      or more), wifi-virtual (unless --wifi) and fixture:W per\n"
              "                      --wiring W, as farm boards do\n"
              "  --capture-cmd CMD   how to capture pins on a real board, e.g. 'sigrok-cli -d fx2lafw\n"
              "                      --continuous --channels D0=gpio13 -O vcd -o {out}' ({out}: the\n"
              "                      file, {pins}: '4,5'); vboard targets capture through vboard\n"
              "\n"
              "test header lines (leading '#' comments):\n"
              "  # skip: REASON      always skipped\n"
              "  # requires: A, B    skipped with 'requires A, B' unless the target declares them\n"
              "                      (--capabilities, and a vboard target's own)\n"
              "  # timeout: N        N seconds instead of the default\n"
              "  # inactivity: N     N seconds of silence allowed instead of the default\n"
              "\n"
              "outcomes: pass, fail (output differs, or the test raised: diff and traceback in\n"
              "the report), skip, skip_too_large (MemoryError before the test printed anything),\n"
              "timeout (then Ctrl-C and soft reset), crash (connection lost or board rebooted:\n"
              "console tail, ROM reset cause and exception dump in the report), infra (board\n"
              "unreachable, lost or refused).\n"
              "\n"
              "A board that cannot be brought back (Ctrl-C, raw REPL, soft reset) is given up:\n"
              "its remaining tests are infra at once; a vboard target is restarted first.\n"
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
              "       rig report --junit FILE [-o OUT]   (default OUT: junit.xml beside FILE)\n"
              "       rig report --html FILE [-o OUT]    (default OUT: report.html beside FILE)\n"
              "\n"
              "Without --check: prints 'ID OUTCOME' for each test of the report FILE\n"
              "(with '# reason' when there is one), then the counts.\n"
              "\n"
              "With --check: validates FILE against the report JSON Schema and prints the\n"
              "problems. The default SCHEMA is ../../reports/report.schema.json relative to\n"
              "the rig executable (an in-tree build such as build/harness/rig), else the\n"
              "source tree's reports/report.schema.json recorded at build time.\n"
              "\n"
              "--junit: one <testsuite> per board; fail is <failure>, timeout and crash are\n"
              "<error>, skip and skip_too_large <skipped>, infra <skipped message=\"infra: ...\">.\n"
              "--html: one self-contained page: the board x test matrix coloured by verdict,\n"
              "board health, durations, details and links to the transcripts beside it.\n"
              "\n"
              "exit status: 0 valid (or listed, or written); 1 invalid; 2 unreadable file or\n"
              "usage error.\n");
}

static void usage_nightly(FILE *to) {
  fprintf(to, "usage: rig nightly [--farm FILE] [--report-dir DIR] [OPTIONS] [PATH...]\n"
              "       rig farm run --farm FILE [--report-dir DIR] [OPTIONS] [PATH...]\n"
              "\n"
              "Runs the tests on every enabled board of the farm at once (a worker per board),\n"
              "into one report DIR/<run-id>/report.json (each result names its board), writes\n"
              "junit.xml and report.html beside it, prints a summary and, for nightly, the\n"
              "triage against the previous run in DIR. Boards reached through vboard are\n"
              "started and stopped by the rig.\n"
              "\n"
              "PATH defaults to the farm file's \"suite\" (paths relative to the farm file;\n"
              "missing ones are noted and left out).\n"
              "\n"
              "Boards with \"wiring\" run the loopback checks (conformance/loopback): their maps\n"
              "are read from wiring/ beside the farm file, vboards get --wiring and capture\n"
              "through their control socket, real boards through their \"capture\" command\n"
              "(harness/LOOPBACK.md); measured figures and pictures go into the report.\n"
              "\n"
              "options:\n"
              "  --farm FILE         default fixtures/farm-virtual.json (in the current directory,\n"
              "                      else the source tree's)\n"
              "  --report-dir DIR    default reports/runs\n"
              "  --timeout SEC       per-test timeout (farm defaults, else 10)\n"
              "  --inactivity SEC    longest silence within a test\n"
              "  --repeat N          run each test N times; tests that pass and fail are flaky\n"
              "  --lost-after N      tests in a row ending in timeout or crash before a board is\n"
              "                      lost (default 4; 0 never)\n"
              "  --expect-firmware NAME[:RELEASE[:BUILD]]  refuse other firmware (infra)\n"
              "  --filter SUBSTR     only tests whose id contains SUBSTR\n"
              "  --history N         runs the flake scores look back over (default 10)\n"
              "  --vboard PATH       the vboard binary for boards that say plain \"vboard\"\n"
              "\n"
              "exit status: 0 all pass or skip and no regression; 1 product failures (fail,\n"
              "timeout, crash) or a regression against the previous run; 3 infra problems only\n"
              "(a board unreachable, lost or refused, infra results); 2 usage or farm file\n"
              "error; 130 interrupted.\n");
}

static void usage_farm(FILE *to) {
  fprintf(to, "usage: rig farm check FILE\n"
              "       rig farm run --farm FILE [OPTIONS] [PATH...]   (see rig nightly --help)\n"
              "\n"
              "check: validates a farm file (fixtures/README.md, fixtures/farm.schema.json) and\n"
              "prints each problem as FILE:LINE: FIELD: message, then the boards it found.\n"
              "exit status: 0 valid; 1 problems; 2 unreadable or usage error.\n");
}

static void usage_triage(FILE *to) {
  fprintf(to, "usage: rig triage OLD NEW\n"
              "       rig triage --history DIR [--last N]\n"
              "\n"
              "Compares two reports (report.json files or run folders), or the newest N runs\n"
              "under DIR (default 10): new failures (regressions), fixed, still failing, flaky\n"
              "(flake score per test and board: the share of runs that flipped between pass and\n"
              "failure) and infra problems, grouped by board and module.\n"
              "\n"
              "exit status: 0 no regression and no infra problem; 1 a regression (a test failing,\n"
              "timing out or crashing that did not before); 3 infra problems only; 2 usage or\n"
              "unreadable report.\n");
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
  case TRANSPORT_WEBREPL: snprintf(out, cap, "webrepl-%s-%d", spec->host, spec->port); break;
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

// Seconds from [text] into *secs (> 0, at most a day). 0 on success.
static int parse_secs(const char *cmd, const char *opt, const char *text, double *secs) {
  char *end;
  *secs = strtod(text, &end);
  if (*end || !(*secs > 0) || *secs > 86400) {
    fprintf(stderr, "rig %s: bad %s '%s' (seconds, e.g. 10)\n", cmd, opt, text);
    return -1;
  }
  return 0;
}

// A whole number in [lo, hi] from [text]. 0 on success.
static int parse_count(const char *cmd, const char *opt, const char *text, int lo, int hi, int *n) {
  char *end;
  long v = strtol(text, &end, 10);
  if (*end || end == text || v < lo || v > hi) {
    fprintf(stderr, "rig %s: bad %s '%s' (a whole number %d..%d)\n", cmd, opt, text, lo, hi);
    return -1;
  }
  *n = (int)v;
  return 0;
}

// The options `rig run` and `rig nightly` / `rig farm run` share.
typedef struct {
  const char *report_dir, *filter, *expect_fw;
  double timeout_s, inactivity_s; // 0: the command's default
  int repeat, lost_after;         // lost_after -1: the command's default
} shared_opts_t;

// Takes argv[*i] (and its value, moving *i past it) when it is one of the
// shared options. 1 taken; 0 not one of them; -1 a bad value (said on
// stderr, as "rig [cmd]: ...").
static int shared_option(const char *cmd, int argc, char **argv, int *i, shared_opts_t *o) {
  const char *a = argv[*i];
  if (*i + 1 >= argc) return 0; // each takes a value
  const char *v = argv[*i + 1];
  int bad = 0;
  if (!strcmp(a, "--report-dir"))
    o->report_dir = v;
  else if (!strcmp(a, "--filter"))
    o->filter = v;
  else if (!strcmp(a, "--expect-firmware"))
    o->expect_fw = v;
  else if (!strcmp(a, "--timeout"))
    bad = parse_secs(cmd, a, v, &o->timeout_s);
  else if (!strcmp(a, "--inactivity"))
    bad = parse_secs(cmd, a, v, &o->inactivity_s);
  else if (!strcmp(a, "--repeat"))
    bad = parse_count(cmd, a, v, 1, 1000, &o->repeat);
  else if (!strcmp(a, "--lost-after"))
    bad = parse_count(cmd, a, v, 0, 100000, &o->lost_after);
  else
    return 0;
  *i += 1;
  return bad ? -1 : 1;
}

// The ladder's rungs for `rig run --target vboard`: the vboard started
// for the run is restarted (the closest a virtual board has to pulling the
// plug); other targets have none.
static rig_status_t vboard_restart(void *ctx, transport_t *t, int power, char *msg, size_t msglen) {
  (void)ctx;
  if (power) return RIG_E_UNSUPPORTED; // one restart is all the ladder needs here
  transport_close(t);
  snprintf(msg, msglen, "restarted the vboard process");
  return RIG_OK;
}

// What a vboard started by `rig run` has, in farm_capabilities()'s words:
// the run's board described as a farm board would be (module from its
// --profile, else vboard's own "generic"; its --wifi; each --wiring map),
// so that one `# requires:` line means the same on both commands.
static void vboard_capabilities(const char *const *vargs, int nvargs, const char *wiring, char *out,
                                size_t cap) {
  out[0] = '\0';
  farm_board_t *b = calloc(1, sizeof *b);
  if (!b) return;
  snprintf(b->connect, sizeof b->connect, "vboard");
  snprintf(b->module, sizeof b->module, "generic");
  for (int i = 0; i < nvargs; i++) {
    if (!strcmp(vargs[i], "--profile") && i + 1 < nvargs)
      snprintf(b->module, sizeof b->module, "%s", vargs[i + 1]);
    if (!strcmp(vargs[i], "--wifi") && b->nvboard_args < FARM_MAX_ARGS)
      snprintf(b->vboard_args[b->nvboard_args++], sizeof b->vboard_args[0], "--wifi");
  }
  char store[2048];
  const char *names[FARM_MAX_WIRING];
  int n = wiring ? loopback_split_names(wiring, store, sizeof store, names, FARM_MAX_WIRING) : 0;
  for (int i = 0; i < n; i++)
    snprintf(b->wiring[b->nwiring++], sizeof b->wiring[0], "%s", names[i]);
  farm_capabilities(b, out, cap);
  free(b);
}

// What `rig run` sets on a runner, again for each leg of --transport both.
typedef struct {
  const char *report_dir;
  int timeout_ms, inactivity_ms, repeat, lost_after;
  const char *expect_fw;
  const char *caps; // for "# requires:"
} run_settings_t;

static void configure_run(runner_t *run, void *ctx) {
  const run_settings_t *rs = ctx;
  runner_set_report_dir(run, rs->report_dir);
  runner_set_timeout(run, rs->timeout_ms);
  runner_set_inactivity(run, rs->inactivity_ms);
  runner_set_repeat(run, rs->repeat);
  runner_set_lost_after(run, rs->lost_after);
  runner_set_expect_firmware(run, rs->expect_fw);
  runner_add_capabilities(run, rs->caps);
}

static int cmd_run(int argc, char **argv) {
  const char *target = NULL;
  shared_opts_t o = {.report_dir = "reports/runs",
                     .timeout_s = RUNNER_DEFAULT_TIMEOUT_MS / 1000.0,
                     .repeat = 1,
                     .lost_after = RUNNER_LOST_AFTER};
  const char *wiring = NULL, *wiring_dir = NULL, *capture_cmd = NULL; // loopback checks
  const char *transport_mode = "console", *webrepl_url = NULL;        // --transport both
  const char *capabilities = NULL;                                    // declared for "# requires:"
  char vboard_ip[32] = "";
  const char *vargs[TRANSPORT_ARGS_MAX];
  int nvargs = 0;
  const char *paths[1024];
  int npaths = 0;
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    int has_value = i + 1 < argc, shared;
    if (wants_help(a)) {
      usage_run(stdout);
      return 0;
    } else if ((shared = shared_option("run", argc, argv, &i, &o)) != 0) {
      if (shared < 0) return RIG_EXIT_INFRA;
    } else if (!strcmp(a, "--target") && has_value) {
      target = argv[++i];
    } else if (!strcmp(a, "--wiring") && has_value) {
      wiring = argv[++i];
    } else if (!strcmp(a, "--wiring-dir") && has_value) {
      wiring_dir = argv[++i];
    } else if (!strcmp(a, "--capabilities") && has_value) {
      capabilities = argv[++i];
    } else if (!strcmp(a, "--capture-cmd") && has_value) {
      capture_cmd = argv[++i];
    } else if (!strcmp(a, "--transport") && has_value) {
      transport_mode = argv[++i];
      if (strcmp(transport_mode, "console") && strcmp(transport_mode, "both")) {
        fprintf(stderr, "rig run: --transport is 'console' (the target as given) or 'both'\n");
        return RIG_EXIT_INFRA;
      }
    } else if (!strcmp(a, "--webrepl") && has_value) {
      webrepl_url = argv[++i];
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
  suite_finish(&suite, o.filter);
  if (suite.ignored)
    fprintf(stderr, "rig run: note: %zu .py file%s without a .py.exp ignored (e.g. %s)\n", suite.ignored,
            suite.ignored == 1 ? "" : "s", suite.first_ignored);
  if (!suite.count) {
    fprintf(stderr, "rig run: no tests found%s%s%s\n", o.filter ? " matching '" : "",
            o.filter ? o.filter : "", o.filter ? "'" : "");
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
  if (spec.kind == TRANSPORT_VBOARD) {
    char path[TRANSPORT_TEXT_MAX], ip[32], help[8192] = "";
    int ip_given = 0;
    for (int i = 0; i + 1 < nvargs; i++)
      if (!strcmp(vargs[i], "--ip")) {
        ip_given = 1;
        runner_set_peer_addresses(run, "127.0.0.1", vargs[i + 1]);
      }
    if (!ip_given) {
      transport_vboard_path(&spec, path, sizeof path);
      transport_vboard_help(path, help, sizeof help);
    }
    if (strstr(help, "--ip")) { // empty when --ip was given
      transport_vboard_pick_ip(0, ip, sizeof ip);
      transport_add_vboard_arg(t, "--ip");
      transport_add_vboard_arg(t, ip);
      runner_set_peer_addresses(run, "127.0.0.1", ip);
      snprintf(vboard_ip, sizeof vboard_ip, "%s", ip);
    }
  }
  char label[TRANSPORT_TEXT_MAX], board[TRANSPORT_TEXT_MAX + 16];
  transport_redact(target, label, sizeof label);
  board_name(&spec, board, sizeof board);
  runner_set_transport(run, t);
  runner_set_target_label(run, label);
  runner_set_board_name(run, board);
  runner_set_report_dir(run, o.report_dir);
  runner_set_timeout(run, (int)(o.timeout_s * 1000 + 0.5));
  runner_set_inactivity(run, (int)(o.inactivity_s * 1000 + 0.5));
  runner_set_repeat(run, o.repeat);
  runner_set_lost_after(run, o.lost_after);
  runner_set_expect_firmware(run, o.expect_fw);
  if (spec.kind == TRANSPORT_VBOARD) runner_set_resetter(run, vboard_restart, NULL);
  runner_set_output(run, stdout, isatty(1));
  loopback_t *lb = NULL;
  if (wiring || capture_cmd) {
    lb = loopback_cli_setup(&spec, t, run, wiring, wiring_dir, capture_cmd, err, sizeof err);
    if (lb) loopback_set_board(lb, board);
    if (!lb) {
      fprintf(stderr, "rig run: %s\n", err);
      transport_free(t);
      runner_free(run);
      suite_free(&suite);
      return RIG_EXIT_INFRA;
    }
  }
  // After the loopback setup, which declares its own (loopback, fixtures).
  char caps[4096] = "";
  if (spec.kind == TRANSPORT_VBOARD) vboard_capabilities(vargs, nvargs, wiring, caps, sizeof caps);
  if (capabilities) {
    size_t used = strlen(caps);
    snprintf(caps + used, sizeof caps - used, "%s%s", used ? ", " : "", capabilities);
  }
  runner_add_capabilities(run, caps);
  if (!strcmp(transport_mode, "both")) {
    char url[64];
    if (!webrepl_url && vboard_ip[0]) {
      snprintf(url, sizeof url, "webrepl://%s:8266", vboard_ip);
      webrepl_url = url;
    }
    int code = RIG_EXIT_INFRA;
    if (!webrepl_url) {
      fprintf(stderr, "rig run: --transport both needs --webrepl webrepl://HOST[:PORT] for this target\n");
    } else {
      run_settings_t rs = {o.report_dir,
                           (int)(o.timeout_s * 1000 + 0.5),
                           (int)(o.inactivity_s * 1000 + 0.5),
                           o.repeat,
                           o.lost_after,
                           o.expect_fw,
                           caps};
      run_both_t rb = {t, label, board, webrepl_url, configure_run, &rs};
      code = run_both(&rb, &suite);
    }
    loopback_free(lb);
    transport_free(t);
    runner_free(run);
    suite_free(&suite);
    return rig_stop_requested() ? RIG_EXIT_ABORTED : code;
  }
  int code;
  if (runner_run(run, &suite, &code) != RIG_OK) fprintf(stderr, "rig run: %s\n", runner_errmsg(run));
  loopback_free(lb);
  transport_free(t); // stops a vboard we started
  runner_free(run);
  suite_free(&suite);
  if (rig_stop_requested()) code = RIG_EXIT_ABORTED;
  return code;
}

// Writes junit.xml / report.html for [report] (beside it, or [out]).
static int export_report(const char *report, int junit, const char *out) {
  char def[PATH_MAX + 32], err[PATH_MAX + 512];
  if (!out) {
    snprintf(def, sizeof def, "%s", report);
    char *slash = strrchr(def, '/');
    size_t off = slash ? (size_t)(slash - def) + 1 : 0;
    snprintf(def + off, sizeof def - off, "%s", junit ? "junit.xml" : "report.html");
    out = def;
  }
  rig_status_t st = junit ? report_export_junit(report, out, err, sizeof err)
                          : report_export_html(report, out, err, sizeof err);
  if (st != RIG_OK) {
    fprintf(stderr, "rig report: %s\n", err);
    return 2;
  }
  printf("%s: %s\n", junit ? "junit" : "html", out);
  return 0;
}

static int cmd_report(int argc, char **argv) {
  int check = 0, junit = 0, html = 0;
  const char *file = NULL, *schema = NULL, *out = NULL;
  for (int i = 0; i < argc; i++) {
    if (wants_help(argv[i])) {
      usage_report(stdout);
      return 0;
    } else if (!strcmp(argv[i], "--junit")) {
      junit = 1;
    } else if (!strcmp(argv[i], "--html")) {
      html = 1;
    } else if (!strcmp(argv[i], "-o") && i + 1 < argc) {
      out = argv[++i];
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
  if (check + junit + html > 1) {
    fprintf(stderr, "rig report: one of --check, --junit, --html at a time\n");
    return 2;
  }
  if (out && !junit && !html) {
    fprintf(stderr, "rig report: -o goes with --junit or --html\n");
    return 2;
  }
  if (junit || html) return export_report(file, junit, out);
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

static int cmd_farm_check(int argc, char **argv) {
  if (argc != 1 || argv[0][0] == '-') {
    usage_farm(stderr);
    return 2;
  }
  farm_t *farm = malloc(sizeof *farm);
  if (!farm) return 2;
  buf_t errors;
  buf_init(&errors, 1024 * 1024);
  rig_status_t st = farm_load(argv[0], farm, &errors);
  int code = 0;
  if (st == RIG_OK) {
    printf("%s: valid: farm %s, %d board%s\n", argv[0], farm->name[0] ? farm->name : "(unnamed)",
           farm->nboards, farm->nboards == 1 ? "" : "s");
    for (int i = 0; i < farm->nboards; i++) {
      const farm_board_t *b = &farm->boards[i];
      char shown[TRANSPORT_TEXT_MAX];
      transport_redact(b->connect, shown, sizeof shown);
      printf("  %-20s %-12s %-40s reset %s, power %s%s\n", b->name, b->module, shown,
             farm_reset_name(b->reset), farm_reset_name(b->power), b->enabled ? "" : " (disabled)");
    }
    for (int i = 0; i < farm->nsuite; i++) {
      struct stat sb;
      printf("  suite %s%s\n", farm->suite[i], stat(farm->suite[i], &sb) == 0 ? "" : " (missing)");
    }
  } else {
    fputs(buf_str(&errors), stderr);
    code = st == RIG_E_FILE ? 2 : 1;
  }
  buf_free(&errors);
  free(farm);
  return code;
}

// The default farm: fixtures/farm-virtual.json here, else the source tree's.
static const char *default_farm(void) {
  if (access("fixtures/farm-virtual.json", R_OK) == 0) return "fixtures/farm-virtual.json";
#ifdef RIG_DEFAULT_FARM
  return RIG_DEFAULT_FARM;
#else
  return "fixtures/farm-virtual.json";
#endif
}

static void print_summary(const char *report_path) {
  json_error_t je;
  json_t *root = json_load_file(report_path, 0, &je);
  if (!root) return;
  json_t *counts = json_object_get(root, "counts");
  printf("\n== rig run %s: %s ==\n", json_string_value(json_object_get(root, "run_id")),
         json_string_value(json_object_get(root, "status")));
  printf("%-22s %-12s %5s %5s %5s %5s %5s %5s %5s  %s\n", "board", "module", "pass", "fail", "tmout", "crash",
         "skip", "large", "infra", "health");
  json_t *boards = json_object_get(root, "boards");
  json_t *tests = json_object_get(root, "tests");
  size_t i;
  json_t *b;
  json_array_foreach(boards, i, b) {
    const char *name = json_string_value(json_object_get(b, "name"));
    int c[OUTCOME_COUNT] = {0};
    size_t k;
    json_t *t;
    json_array_foreach(tests, k, t) {
      const char *tb = json_string_value(json_object_get(t, "board"));
      const char *oc = json_string_value(json_object_get(t, "outcome"));
      int o = oc ? outcome_parse(oc) : -1;
      if (tb && name && !strcmp(tb, name) && o >= 0) c[o]++;
    }
    json_t *h = json_object_get(b, "health");
    const char *module = json_string_value(json_object_get(b, "module"));
    printf("%-22s %-12s %5d %5d %5d %5d %5d %5d %5d  %s, %lld hard resets, %lld power cycles\n", name,
           module ? module : "-", c[OUTCOME_PASS], c[OUTCOME_FAIL], c[OUTCOME_TIMEOUT], c[OUTCOME_CRASH],
           c[OUTCOME_SKIP], c[OUTCOME_SKIP_TOO_LARGE], c[OUTCOME_INFRA],
           json_string_value(json_object_get(h, "state")) ? json_string_value(json_object_get(h, "state"))
                                                          : "?",
           (long long)json_integer_value(json_object_get(h, "hard_resets")),
           (long long)json_integer_value(json_object_get(h, "power_cycles")));
  }
  printf("total: %lld tests:", (long long)json_integer_value(json_object_get(counts, "total")));
  for (int k = 0; k < OUTCOME_COUNT; k++)
    printf(" %lld %s%s", (long long)json_integer_value(json_object_get(counts, outcome_name((outcome_t)k))),
           outcome_name((outcome_t)k), k + 1 < OUTCOME_COUNT ? "," : "");
  printf(", %lld flaky\n", (long long)json_integer_value(json_object_get(counts, "flaky")));
  json_decref(root);
}

// The RFC 2217 client for farm boards (farm_run_set_rfc2217).
static rig_status_t rfc_open(const char *target, int baud, void **handle, transport_t **t, char *err,
                             size_t errlen) {
  rfc2217_t *r = NULL;
  rig_status_t st = rfc2217_open(target, baud, &r, t, err, errlen);
  *handle = r;
  return st;
}
static rig_status_t rfc_lines(void *handle, int dtr, int rts) {
  return rfc2217_set_lines(handle, dtr, rts);
}
static void rfc_close(void *handle) {
  rfc2217_close(handle);
}

// rig nightly and rig farm run (triage: 1 for nightly).
static int cmd_farm_run(int argc, char **argv, int triage, const char *cmdname) {
  const char *farm_path = NULL, *vboard = NULL;
  shared_opts_t o = {.report_dir = "reports/runs", .repeat = 1, .lost_after = -1}; // farm defaults win
  int history = 10;
  const char *paths[1024];
  int npaths = 0;
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    int has_value = i + 1 < argc, shared;
    if (wants_help(a)) {
      usage_nightly(stdout);
      return 0;
    } else if ((shared = shared_option(cmdname, argc, argv, &i, &o)) != 0) {
      if (shared < 0) return FARM_EXIT_USAGE;
    } else if (!strcmp(a, "--farm") && has_value) {
      farm_path = argv[++i];
    } else if (!strcmp(a, "--vboard") && has_value) {
      vboard = argv[++i];
    } else if (!strcmp(a, "--history") && has_value) {
      if (parse_count(cmdname, a, argv[++i], 2, TRIAGE_MAX_RUNS, &history)) return FARM_EXIT_USAGE;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "rig %s: unknown option or missing value: '%s' (see rig nightly --help)\n", cmdname, a);
      return FARM_EXIT_USAGE;
    } else if (npaths < (int)(sizeof paths / sizeof paths[0])) {
      paths[npaths++] = a;
    }
  }
  if (!farm_path) {
    if (!triage) {
      fprintf(stderr, "rig %s: --farm is required (see rig nightly --help)\n", cmdname);
      return FARM_EXIT_USAGE;
    }
    farm_path = default_farm();
  }
  farm_t *farm = malloc(sizeof *farm);
  if (!farm) return FARM_EXIT_USAGE;
  buf_t errors;
  buf_init(&errors, 1024 * 1024);
  if (farm_load(farm_path, farm, &errors) != RIG_OK) {
    fprintf(stderr, "rig %s: the farm file has problems (rig farm check %s):\n%s", cmdname, farm_path,
            buf_str(&errors));
    buf_free(&errors);
    free(farm);
    return FARM_EXIT_USAGE;
  }
  buf_free(&errors);
  suite_t suite;
  suite_init(&suite);
  int added = 0;
  for (int i = 0; i < npaths; i++) {
    if (suite_add_path(&suite, paths[i]) != RIG_OK) {
      fprintf(stderr, "rig %s: %s\n", cmdname, suite.err);
      suite_free(&suite);
      free(farm);
      return FARM_EXIT_USAGE;
    }
    added++;
  }
  for (int i = 0; !npaths && i < farm->nsuite; i++) {
    struct stat sb;
    if (stat(farm->suite[i], &sb) < 0) {
      fprintf(stderr, "rig %s: note: the farm's suite path %s does not exist (left out)\n", cmdname,
              farm->suite[i]);
      continue;
    }
    if (suite_add_path(&suite, farm->suite[i]) != RIG_OK) {
      fprintf(stderr, "rig %s: %s\n", cmdname, suite.err);
      suite_free(&suite);
      free(farm);
      return FARM_EXIT_USAGE;
    }
    added++;
  }
  suite_finish(&suite, o.filter);
  if (!suite.count) {
    fprintf(stderr, "rig %s: no tests found (%s)\n", cmdname,
            added ? "none matched" : "give paths, or a \"suite\" in the farm file");
    suite_free(&suite);
    free(farm);
    return FARM_EXIT_USAGE;
  }

  rig_signals_install();
  farm_run_t *fr = farm_run_new(farm);
  if (!fr) return FARM_EXIT_USAGE;
  farm_run_set_report_dir(fr, o.report_dir);
  farm_run_set_repeat(fr, o.repeat);
  farm_run_set_timeout(fr, (int)(o.timeout_s * 1000 + 0.5));
  farm_run_set_inactivity(fr, (int)(o.inactivity_s * 1000 + 0.5));
  if (o.lost_after >= 0) farm_run_set_lost_after(fr, o.lost_after);
  farm_run_set_expect_firmware(fr, o.expect_fw);
  if (vboard) farm_run_set_vboard(fr, vboard);
  farm_run_set_rfc2217(fr, rfc_open, rfc_lines, rfc_close);
  farm_run_set_output(fr, stdout, isatty(1));
  int code;
  if (farm_run_run(fr, &suite, &code) != RIG_OK) {
    fprintf(stderr, "rig %s: %s\n", cmdname, farm_run_errmsg(fr));
    farm_run_free(fr);
    suite_free(&suite);
    free(farm);
    return FARM_EXIT_USAGE;
  }
  char report[PATH_MAX + 64], run_dir[PATH_MAX + 64];
  snprintf(report, sizeof report, "%s", farm_run_report_path(fr));
  snprintf(run_dir, sizeof run_dir, "%s", farm_run_run_dir(fr));
  farm_run_free(fr);
  suite_free(&suite);
  free(farm);
  int aborted = code == FARM_EXIT_ABORTED || rig_stop_requested();
  // Exports beside the report, even for an aborted run (what was measured stays).
  char out[PATH_MAX + 80], err[PATH_MAX + 512];
  snprintf(out, sizeof out, "%s/junit.xml", run_dir);
  if (report_export_junit(report, out, err, sizeof err) != RIG_OK)
    fprintf(stderr, "rig %s: %s\n", cmdname, err);
  snprintf(out, sizeof out, "%s/report.html", run_dir);
  if (report_export_html(report, out, err, sizeof err) != RIG_OK)
    fprintf(stderr, "rig %s: %s\n", cmdname, err);
  print_summary(report);
  printf("report: %s\njunit:  %s/junit.xml\nhtml:   %s/report.html\n", report, run_dir, run_dir);
  if (aborted) return FARM_EXIT_ABORTED;
  if (!triage) return code;
  // Triage against the previous run in the same report dir.
  const char *slash = strrchr(run_dir, '/');
  const char *run_id = slash ? slash + 1 : run_dir;
  triage_t *tr = triage_new();
  if (!tr) return code;
  char prev[256];
  triage_previous_run(o.report_dir, run_id, prev, sizeof prev);
  // History for the flake scores: the newest runs up to and including this one.
  rig_status_t st = triage_add_history(tr, o.report_dir, history);
  printf("\n");
  if (st != RIG_OK) {
    fprintf(stderr, "rig %s: triage: %s\n", cmdname, triage_errmsg(tr));
  } else {
    triage_print(tr, stdout);
    if (!prev[0]) printf("(first run in %s: nothing to triage against)\n", o.report_dir);
  }
  int tcode = st == RIG_OK ? triage_exit_code(tr) : TRIAGE_EXIT_OK;
  triage_free(tr);
  if (code == FARM_EXIT_FAIL || tcode == TRIAGE_EXIT_REGRESSION) return FARM_EXIT_FAIL;
  if (code == FARM_EXIT_INFRA || tcode == TRIAGE_EXIT_INFRA) return FARM_EXIT_INFRA;
  return code;
}

static int cmd_farm(int argc, char **argv) {
  if (argc < 1 || wants_help(argv[0])) {
    usage_farm(argc < 1 ? stderr : stdout);
    return argc < 1 ? 2 : 0;
  }
  if (!strcmp(argv[0], "check")) {
    if (argc > 1 && wants_help(argv[1])) {
      usage_farm(stdout);
      return 0;
    }
    return cmd_farm_check(argc - 1, argv + 1);
  }
  if (!strcmp(argv[0], "run")) return cmd_farm_run(argc - 1, argv + 1, 0, "farm run");
  fprintf(stderr, "rig farm: unknown subcommand '%s' (check, run)\n", argv[0]);
  return 2;
}

// A report path from a report.json or a run folder.
static void report_file(const char *arg, char *out, size_t cap) {
  struct stat sb;
  if (stat(arg, &sb) == 0 && S_ISDIR(sb.st_mode))
    snprintf(out, cap, "%s/report.json", arg);
  else
    snprintf(out, cap, "%s", arg);
}

static int cmd_triage(int argc, char **argv) {
  const char *history = NULL;
  int last = 10;
  const char *files[2];
  int nfiles = 0;
  for (int i = 0; i < argc; i++) {
    if (wants_help(argv[i])) {
      usage_triage(stdout);
      return 0;
    } else if (!strcmp(argv[i], "--history") && i + 1 < argc) {
      history = argv[++i];
    } else if (!strcmp(argv[i], "--last") && i + 1 < argc) {
      if (parse_count("triage", "--last", argv[++i], 2, TRIAGE_MAX_RUNS, &last)) return TRIAGE_EXIT_USAGE;
    } else if (argv[i][0] == '-' || nfiles == 2) {
      fprintf(stderr, "rig triage: unexpected '%s' (see rig triage --help)\n", argv[i]);
      return TRIAGE_EXIT_USAGE;
    } else {
      files[nfiles++] = argv[i];
    }
  }
  if (!history && nfiles != 2) {
    fprintf(stderr, "rig triage: give OLD NEW, or --history DIR (see rig triage --help)\n");
    return TRIAGE_EXIT_USAGE;
  }
  if (history && nfiles) {
    fprintf(stderr, "rig triage: --history takes no report files\n");
    return TRIAGE_EXIT_USAGE;
  }
  triage_t *tr = triage_new();
  if (!tr) return TRIAGE_EXIT_USAGE;
  rig_status_t st = RIG_OK;
  if (history) {
    st = triage_add_history(tr, history, last);
  } else {
    for (int i = 0; i < 2 && st == RIG_OK; i++) {
      char p[PATH_MAX + 16];
      report_file(files[i], p, sizeof p);
      st = triage_add_report(tr, p);
    }
  }
  if (st != RIG_OK) {
    fprintf(stderr, "rig triage: %s\n", triage_errmsg(tr));
    triage_free(tr);
    return TRIAGE_EXIT_USAGE;
  }
  triage_print(tr, stdout);
  int code = triage_exit_code(tr);
  triage_free(tr);
  return code;
}

static void usage_put(FILE *to) {
  files_cmd_usage(to, 1);
}
static void usage_get(FILE *to) {
  files_cmd_usage(to, 0);
}

// "rig help CMD": each command's own page.
static const struct {
  const char *cmd;
  void (*usage)(FILE *to);
} help_pages[] = {
    {"run", usage_run},
    {"report", usage_report},
    {"ports", usage_ports},
    {"flash", flash_cmd_usage},
    {"validate", validate_cmd_usage},
    {"nightly", usage_nightly},
    {"farm", usage_farm},
    {"triage", usage_triage},
    {"loopback", loopback_cmd_usage},
    {"put", usage_put},
    {"get", usage_get},
};

int main(int argc, char **argv) {
  if (argc < 2) {
    usage_main(stderr);
    return 2;
  }
  const char *cmd = argv[1];
  if (wants_help(cmd) || !strcmp(cmd, "help")) {
    void (*usage)(FILE *) = usage_main;
    for (size_t i = 0; argc > 2 && i < sizeof help_pages / sizeof help_pages[0]; i++)
      if (!strcmp(argv[2], help_pages[i].cmd)) usage = help_pages[i].usage;
    usage(stdout);
    return 0;
  }
  if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
    printf("rig %s (Pyrite, git %s, built %s)\n", PYRITE_VERSION, PYRITE_GIT_COMMIT, PYRITE_BUILD_DATE);
    return 0;
  }
  if (!strcmp(cmd, "run")) return cmd_run(argc - 2, argv + 2);
  if (!strcmp(cmd, "report")) return cmd_report(argc - 2, argv + 2);
  if (!strcmp(cmd, "ports")) return cmd_ports(argc - 2, argv + 2);
  if (!strcmp(cmd, "flash")) return flash_cmd_main(argc - 2, argv + 2);
  if (!strcmp(cmd, "validate")) return validate_cmd_main(argc - 2, argv + 2);
  if (!strcmp(cmd, "nightly")) return cmd_farm_run(argc - 2, argv + 2, 1, "nightly");
  if (!strcmp(cmd, "farm")) return cmd_farm(argc - 2, argv + 2);
  if (!strcmp(cmd, "triage")) return cmd_triage(argc - 2, argv + 2);
  if (!strcmp(cmd, "loopback")) return loopback_cmd(argc - 2, argv + 2);
  if (!strcmp(cmd, "put")) return files_cmd_main(1, argc - 2, argv + 2);
  if (!strcmp(cmd, "get")) return files_cmd_main(0, argc - 2, argv + 2);
  fprintf(stderr, "rig: unknown command '%s' (see rig --help)\n", cmd);
  return 2;
}
