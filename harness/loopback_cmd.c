// SPDX-License-Identifier: MIT
// loopback_cmd.c: `rig run --wiring` set-up and `rig loopback analyse`
// (see loopback_cmd.h).
#include "loopback_cmd.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef RIG_WIRING_DIR
#define RIG_WIRING_DIR "fixtures/wiring"
#endif

const char *loopback_default_wiring_dir(void) {
  struct stat sb;
  if (stat("fixtures/wiring", &sb) == 0 && S_ISDIR(sb.st_mode)) return "fixtures/wiring";
  return RIG_WIRING_DIR;
}

int loopback_split_names(const char *list, char *store, size_t storelen, const char **names, int max) {
  snprintf(store, storelen, "%s", list);
  int n = 0;
  for (char *save = NULL, *tok = strtok_r(store, ",", &save); tok && n < max;
       tok = strtok_r(NULL, ",", &save))
    if (*tok) names[n++] = tok;
  return n;
}

loopback_t *loopback_cli_setup(const transport_spec_t *spec, transport_t *t, runner_t *run,
                               const char *wiring, const char *dir, const char *capture_cmd, char *err,
                               size_t errlen) {
  loopback_t *lb = loopback_new();
  if (!lb) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  char store[1024];
  const char *names[32];
  int n = loopback_split_names(wiring ? wiring : "", store, sizeof store, names, 32);
  if (loopback_set_wiring(lb, names, n, dir ? dir : loopback_default_wiring_dir(), err, errlen) != RIG_OK) {
    loopback_free(lb);
    return NULL;
  }
  if (spec->kind == TRANSPORT_VBOARD) {
    transport_vboard_want_control(t);
    if (n) {
      transport_add_vboard_arg(t, "--wiring");
      transport_add_vboard_arg(t, wiring);
    }
    loopback_use_vboard(lb, t);
  }
  if (capture_cmd) loopback_use_command(lb, capture_cmd);
  char caps[2048];
  snprintf(caps, sizeof caps, "%s", loopback_ready(lb) ? "loopback" : "");
  for (int i = 0; i < n; i++) {
    size_t used = strlen(caps);
    snprintf(caps + used, sizeof caps - used, "%sfixture:%s, %s", used ? ", " : "", names[i], names[i]);
  }
  runner_set_capabilities(run, caps);
  runner_hook_t hook;
  loopback_hook(lb, run, &hook);
  runner_set_hook(run, &hook);
  return lb;
}

void loopback_cmd_usage(FILE *to) {
  fprintf(to, "usage: rig loopback analyse --check CHECK --wiring NAME[,NAME...] [--wiring-dir DIR]\n"
              "                            [--records FILE] [-o DIR] [--json] CAPTURE\n"
              "\n"
              "Analyses a capture file the way a loopback check does on a run, without a\n"
              "board: CAPTURE is a VCD file (vboard's, or sigrok-cli -O vcd) or sigrok-cli's CSV\n"
              "output (-O csv; its '; Samplerate:' comment or a Time column gives the timing).\n"
              "Channels are found by name gpioN (sigrok-cli --channels D0=gpio13 names them).\n"
              "\n"
              "CHECK: ws2812 (T0H, T0L, T1H, T1L, reset against the WS2812B windows; colours),\n"
              "i2c (transactions, SCL frequency, tLOW/tHIGH, scan against the wiring map),\n"
              "onewire (reset/presence, ROM search CRC8 and family, scratchpad CRC8,\n"
              "temperature), gpio (edges), pwm (frequency, duty), uart (bytes, baud).\n"
              "--records FILE holds the test's '@' lines (what was written; see\n"
              "harness/README.md); -o DIR writes the pictures (SVG) there; --json prints the\n"
              "report's \"loopback\" object instead of the figures.\n"
              "\n"
              "exit status: 0 no problem; 1 problems (listed); 2 usage or unreadable capture.\n");
}

static int analyse(int argc, char **argv) {
  const char *check = NULL, *wiring = "", *dir = NULL, *records_path = NULL, *out = NULL,
             *capture_path = NULL;
  int as_json = 0;
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    int v = i + 1 < argc;
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      loopback_cmd_usage(stdout);
      return 0;
    } else if (!strcmp(a, "--check") && v) {
      check = argv[++i];
    } else if (!strcmp(a, "--wiring") && v) {
      wiring = argv[++i];
    } else if (!strcmp(a, "--wiring-dir") && v) {
      dir = argv[++i];
    } else if (!strcmp(a, "--records") && v) {
      records_path = argv[++i];
    } else if (!strcmp(a, "-o") && v) {
      out = argv[++i];
    } else if (!strcmp(a, "--json")) {
      as_json = 1;
    } else if (a[0] == '-') {
      fprintf(stderr, "rig loopback analyse: unknown option or missing value: '%s'\n", a);
      return 2;
    } else if (!capture_path) {
      capture_path = a;
    } else {
      fprintf(stderr, "rig loopback analyse: one capture at a time\n");
      return 2;
    }
  }
  if (!check || !capture_path || !loopback_device_type(check)) {
    fprintf(stderr, "rig loopback analyse: needs --check (ws2812, i2c, onewire, gpio, pwm, uart) and a "
                    "capture file\n");
    return 2;
  }
  loopback_t *lb = loopback_new();
  char err[1024], store[1024];
  const char *names[32];
  int n = loopback_split_names(wiring, store, sizeof store, names, 32);
  if (loopback_set_wiring(lb, names, n, dir ? dir : loopback_default_wiring_dir(), err, sizeof err) !=
      RIG_OK) {
    fprintf(stderr, "rig loopback analyse: %s\n", err);
    loopback_free(lb);
    return 2;
  }
  char *records = NULL;
  if (records_path) {
    FILE *f = fopen(records_path, "r");
    if (!f) {
      fprintf(stderr, "rig loopback analyse: cannot read %s\n", records_path);
      loopback_free(lb);
      return 2;
    }
    records = calloc(1, 1 << 20);
    size_t got = records ? fread(records, 1, (1 << 20) - 1, f) : 0;
    (void)got;
    fclose(f);
  }
  capture_t cap;
  capture_init(&cap);
  if (capture_load(&cap, capture_path, err, sizeof err) != RIG_OK) {
    fprintf(stderr, "rig loopback analyse: %s\n", err);
    free(records);
    loopback_free(lb);
    return 2;
  }
  int ok = 0;
  char problem[1024];
  const char *base = strrchr(capture_path, '/') ? strrchr(capture_path, '/') + 1 : capture_path;
  char stem[256];
  snprintf(stem, sizeof stem, "%.*s", (int)strcspn(base, "."), base);
  char *text = loopback_analyse(lb, check, &cap, records, out, stem, &ok, problem, sizeof problem);
  int code = ok ? 0 : 1;
  json_t *o = text ? json_loads(text, 0, NULL) : NULL;
  if (as_json && text) {
    puts(text);
  } else if (o) {
    size_t i;
    json_t *f;
    printf("%s: %s\n", check, ok ? "ok" : "FAIL");
    json_array_foreach(json_object_get(o, "figures"), i, f) {
      json_t *mn = json_object_get(f, "min");
      printf("  %-14s n=%-6lld", json_string_value(json_object_get(f, "name")),
             (long long)json_integer_value(json_object_get(f, "n")));
      if (mn)
        printf(" min %.6g mean %.6g max %.6g stdev %.4g %s", json_number_value(mn),
               json_number_value(json_object_get(f, "mean")), json_number_value(json_object_get(f, "max")),
               json_number_value(json_object_get(f, "stdev")), json_string_value(json_object_get(f, "unit")));
      json_t *lo = json_object_get(f, "window_min"), *hi = json_object_get(f, "window_max");
      if (lo || hi) {
        printf("  window ");
        if (lo) printf("%.6g", json_number_value(lo));
        printf("..");
        if (hi) printf("%.6g", json_number_value(hi));
      }
      printf("%s\n", json_is_true(json_object_get(f, "ok")) ? "" : "  OUT");
    }
    json_t *line;
    json_array_foreach(json_object_get(o, "notes"), i, line) printf("  note: %s\n", json_string_value(line));
    json_array_foreach(json_object_get(o, "problems"), i, line)
        printf("  problem: %s\n", json_string_value(line));
    json_array_foreach(json_object_get(o, "pictures"), i, line)
        printf("  picture: %s/%s\n", out, json_string_value(line));
  } else {
    fprintf(stderr, "rig loopback analyse: out of memory\n");
    code = 2;
  }
  json_decref(o);
  free(text);
  free(records);
  capture_free(&cap);
  loopback_free(lb);
  return code;
}

int loopback_cmd(int argc, char **argv) {
  if (argc < 1 || !strcmp(argv[0], "--help") || !strcmp(argv[0], "-h")) {
    loopback_cmd_usage(argc < 1 ? stderr : stdout);
    return argc < 1 ? 2 : 0;
  }
  if (!strcmp(argv[0], "analyse") || !strcmp(argv[0], "analyze")) return analyse(argc - 1, argv + 1);
  fprintf(stderr, "rig loopback: unknown subcommand '%s' (analyse)\n", argv[0]);
  return 2;
}
