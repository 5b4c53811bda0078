// SPDX-License-Identifier: MIT
// test_farm.c: the farm file (valid files, every kind of mistake reported
// with its line and field), the crash reader on recorded consoles (boot
// spew, a Fatal exception dump, a WDT reset), flaky verdicts with
// --repeat, triage between runs (new failures, fixed, still failing,
// flaky with flake scores, infra kept apart) and the JUnit and HTML
// exports (and that no farm secret reaches any of them).
#include "crash.h"
#include "fake_board.h"
#include "farm.h"
#include "report.h"
#include "report_export.h"
#include "runner.h"
#include "schema_check.h"
#include "support.h"
#include "triage.h"

#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];

static void setup(void) {
  support_scratch_dir(dir, sizeof dir, "farm");
}

static void teardown(void) {
  support_remove_tree(dir);
}

static rig_status_t load_text(const char *text, farm_t *farm, buf_t *errors) {
  buf_init(errors, 1 << 16);
  return farm_load_text("farm.json", text, strlen(text), farm, errors);
}

static const char good_farm[] =
    "{\n"                                                                        // 1
    "  \"farm\": \"lab\",\n"                                                     // 2
    "  \"suite\": [\"../conformance/lang\"],\n"                                  // 3
    "  \"defaults\": {\"timeout\": 12, \"inactivity\": 4, \"lost_after\": 3},\n" // 4
    "  \"wifi\": {\"ssid\": \"lab\", \"password\": \"hunter2-wifi\"},\n"         // 5
    "  \"boards\": [\n"                                                          // 6
    "    {\"name\": \"usb0\", \"connect\": \"serial:/dev/serial/by-id/usb-1a86@115200\",\n"
    "     \"module\": \"d1mini-4m\", \"wiring\": [\"i2c-eeprom\"], \"reset\": \"dtr-rts\",\n"
    "     \"power\": \"command\", \"power_command\": \"uhubctl -l 1-1 -p 2 -a cycle\"},\n"
    "    {\"name\": \"ser2net\", \"connect\": \"rfc2217://lab-pi:4001\", \"module\": \"esp01-1m\"},\n"
    "    {\"name\": \"wifi\", \"connect\": \"webrepl://10.0.0.9:8266\", \"module\": \"nodemcu-4m\",\n"
    "     \"webrepl_password\": \"hunter2-webrepl\", \"enabled\": false},\n"
    "    {\"name\": \"v1\", \"connect\": \"vboard\", \"module\": \"esp01-512k\", \"vboard_args\": "
    "[\"--heap\", \"32K\"]}\n"
    "  ]\n"
    "}\n";

START_TEST(farm_valid) {
  farm_t *farm = malloc(sizeof *farm);
  buf_t errors;
  ck_assert_int_eq(load_text(good_farm, farm, &errors), RIG_OK);
  ck_assert_str_eq(buf_str(&errors), "");
  ck_assert_str_eq(farm->name, "lab");
  ck_assert_int_eq(farm->nboards, 4);
  ck_assert_int_eq(farm->timeout_ms, 12000);
  ck_assert_int_eq(farm->inactivity_ms, 4000);
  ck_assert_int_eq(farm->lost_after, 3);
  ck_assert_str_eq(farm->suite[0], "./../conformance/lang");
  ck_assert_int_eq(farm->boards[0].reset, FARM_RESET_DTR_RTS);
  ck_assert_int_eq(farm->boards[0].power, FARM_RESET_COMMAND);
  ck_assert_int_eq(farm->boards[0].line, 7);
  ck_assert_int_eq(farm->boards[1].reset, FARM_RESET_RFC2217); // the default for rfc2217://
  ck_assert_int_eq(farm->boards[2].enabled, 0);
  ck_assert_int_eq(farm->boards[3].reset, FARM_RESET_VBOARD);
  ck_assert_int_eq(farm->boards[3].nvboard_args, 2);
  char caps[256];
  farm_capabilities(&farm->boards[0], caps, sizeof caps);
  ck_assert_str_eq(caps, "module:d1mini-4m, fixture:i2c-eeprom, i2c-eeprom, fs");
  // A vboard sees the virtual access points; a 512K module has no filesystem.
  farm_board_t vb = {.module = "esp01-512k", .connect = "vboard"};
  farm_capabilities(&vb, caps, sizeof caps);
  ck_assert_str_eq(caps, "module:esp01-512k, wifi-virtual");
  snprintf(vb.vboard_args[0], sizeof vb.vboard_args[0], "--wifi");
  vb.nvboard_args = 1;
  farm_capabilities(&vb, caps, sizeof caps);
  ck_assert_str_eq(caps, "module:esp01-512k");
  buf_free(&errors);
  free(farm);
}
END_TEST

// Each mistake is reported as FILE:LINE: FIELD: ..., all in one go.
START_TEST(farm_errors_name_line_and_field) {
  static const char bad[] = "{\n"                                                           // 1
                            "  \"boards\": [\n"                                             // 2
                            "    {\"name\": \"a b\",\n"                                     // 3
                            "     \"connect\": \"tcp:host\",\n"                             // 4
                            "     \"module\": \"esp32\"},\n"                                // 5
                            "    {\"name\": \"x\", \"connect\": \"vboard\",\n"              // 6
                            "     \"module\": \"generic\",\n"                               // 7
                            "     \"reset\": \"dtr-rts\",\n"                                // 8
                            "     \"power\": \"command\",\n"                                // 9
                            "     \"timeout\": -1,\n"                                       // 10
                            "     \"colour\": \"red\"},\n"                                  // 11
                            "    {\"name\": \"x\", \"connect\": \"serial:/dev/ttyUSB0\"}\n" // 12
                            "  ],\n"                                                        // 13
                            "  \"defaults\": {\"lost_after\": \"many\"}\n"                  // 14
                            "}\n";
  farm_t *farm = malloc(sizeof *farm);
  buf_t errors;
  ck_assert_int_eq(load_text(bad, farm, &errors), RIG_E_SCHEMA);
  const char *e = buf_str(&errors);
  static const char *const want[] = {
      "farm.json:3: boards[0].name: 'a b': use letters",
      "farm.json:4: boards[0].connect: 'tcp:host'",
      "farm.json:5: boards[0].module: 'esp32' is not a known module profile",
      "farm.json:8: boards[1].reset: dtr-rts needs a serial: connection",
      "farm.json:9: boards[1].power: 'command' needs boards[1].power_command",
      "farm.json:10: boards[1].timeout: must be a number of seconds",
      "farm.json:11: boards[1].colour: unknown field",
      "farm.json:12: boards[2].name: 'x' is already the name of boards[1]",
      "farm.json:12: boards[2].module: missing (required)",
      "farm.json:14: defaults.lost_after: must be a whole number",
  };
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
    ck_assert_msg(strstr(e, want[i]) != NULL, "missing \"%s\" in:\n%s", want[i], e);
  buf_free(&errors);

  // Not JSON at all: the parser's line and column.
  ck_assert_int_eq(load_text("{\n  \"boards\": [\n    {,}\n  ]\n}\n", farm, &errors), RIG_E_JSON);
  ck_assert_msg(strstr(buf_str(&errors), "farm.json:3:") != NULL, "%s", buf_str(&errors));
  buf_free(&errors);
  // No boards.
  ck_assert_int_eq(load_text("{\"farm\": \"empty\"}", farm, &errors), RIG_E_SCHEMA);
  ck_assert_ptr_nonnull(strstr(buf_str(&errors), "boards: missing (required)"));
  buf_free(&errors);
  free(farm);
}
END_TEST

START_TEST(json_line_finder) {
  static const char t[] =
      "{\"a\": 1,\n \"b\": [\n  {\"c\": \"x\\\"y\"},\n  {\"c\": 2,\n   \"d\": [1,\n 2]}\n ]}\n";
  ck_assert_int_eq(farm_json_line(t, strlen(t), ""), 1);
  ck_assert_int_eq(farm_json_line(t, strlen(t), "a"), 1);
  ck_assert_int_eq(farm_json_line(t, strlen(t), "b"), 2);
  ck_assert_int_eq(farm_json_line(t, strlen(t), "b/0/c"), 3);
  ck_assert_int_eq(farm_json_line(t, strlen(t), "b/1"), 4);
  ck_assert_int_eq(farm_json_line(t, strlen(t), "b/1/d/1"), 6);
  ck_assert_int_eq(farm_json_line(t, strlen(t), "b/2"), 0);
}
END_TEST

// Recorded consoles, as an ESP8266 prints them.
START_TEST(crash_recorded_consoles) {
  crash_info_t ci;
  // A LoadProhibited exception, then the ROM boot line and boot spew.
  static const char fatal[] =
      "print('x')\r\nx\r\nFatal exception 28(LoadProhibitedCause):\r\n"
      "epc1=0x4020a1b3, epc2=0x00000000, epc3=0x00000000, excvaddr=0x00000000, "
      "depc=0x00000000\r\n\r\n ets Jan  8 2013,rst cause:2, boot mode:(3,6)\r\n\r\n"
      "load 0x40100000, len 31088, room 16 \r\ntail 0\r\nchksum 0x44\r\n"
      "\x8a\xff\x01garbage\r\nMicroPython v1.22 on 2024-01-01; ESP module with ESP8266\r\n";
  ck_assert_int_eq(crash_parse(fatal, sizeof fatal - 1, &ci), 1);
  ck_assert_int_eq(ci.rst_cause, 2);
  ck_assert_str_eq(ci.boot_mode, "(3,6)");
  ck_assert_str_eq(ci.exception,
                   "Fatal exception 28(LoadProhibitedCause):\nepc1=0x4020a1b3, epc2=0x00000000, "
                   "epc3=0x00000000, excvaddr=0x00000000, depc=0x00000000");
  // A hardware watchdog reset: no dump, cause 4.
  static const char wdt[] =
      "looping...\r\n\r\n ets Jan  8 2013,rst cause:4, boot mode:(3,6)\r\n\r\nwdt reset\r\n"
      "load 0x4010f000, len 1384, room 16 \r\n";
  ck_assert_int_eq(crash_parse(wdt, sizeof wdt - 1, &ci), 1);
  ck_assert_int_eq(ci.rst_cause, 4);
  ck_assert_str_eq(ci.boot_mode, "(3,6)");
  ck_assert_str_eq(ci.exception, "wdt reset");
  ck_assert_str_eq(report_rst_cause_text(4), "watchdog reset");
  // The SDK's form of a dump, with a soft WDT.
  static const char sdk[] = "\r\nSoft WDT reset\r\n\r\n>>>stack>>>\r\n\r\nctx: cont\r\nsp: 3ffffdc0 end: "
                            "3fffffc0 offset: 01b0\r\n";
  ck_assert_int_eq(crash_parse(sdk, sizeof sdk - 1, &ci), 1);
  ck_assert_int_eq(ci.rst_cause, -1);
  ck_assert_str_eq(ci.exception, "Soft WDT reset");
  // The line cut off at the end of the buffer, and nothing at all.
  static const char cut[] = "junk rst cause:1";
  ck_assert_int_eq(crash_parse(cut, sizeof cut - 1, &ci), 1);
  ck_assert_int_eq(ci.rst_cause, 1);
  ck_assert_str_eq(ci.boot_mode, "");
  ck_assert_int_eq(crash_parse("hello\r\n", 7, &ci), 0);
  ck_assert_int_eq(ci.rst_cause, -1);
}
END_TEST

START_TEST(version_split) {
  char r[64], b[64];
  report_parse_version("3.4.0; Pyrite v0.1.0 on 2026-11-25", r, sizeof r, b, sizeof b);
  ck_assert_str_eq(r, "v0.1.0");
  ck_assert_str_eq(b, "2026-11-25");
  report_parse_version("3.4.0; MicroPython v1.22.0-12-gabc on 2024-01-01", r, sizeof r, b, sizeof b);
  ck_assert_str_eq(r, "v1.22.0-12-gabc");
  report_parse_version("odd", r, sizeof r, b, sizeof b);
  ck_assert_str_eq(r, "");
  ck_assert_str_eq(b, "");
}
END_TEST

// Writes a report with [n] results given as "board id outcome" triples.
static void write_run(const char *runs, const char *const *rows, size_t n, int repeat,
                      const char *lost_board) {
  report_t *rep = report_new();
  report_set_target(rep, "farm:test");
  ck_assert_int_eq(report_create_run(rep, runs), RIG_OK);
  report_set_farm(rep, "farm.json", repeat);
  const char *boards[] = {"b1", "b2"};
  for (int i = 0; i < 2; i++) {
    int k = report_add_board(rep, boards[i], "vboard", i ? "esp01-1m" : "d1mini-4m", NULL, 0);
    report_health_t h = {.state = lost_board && !strcmp(lost_board, boards[i]) ? "lost" : "done",
                         .lost = lost_board && !strcmp(lost_board, boards[i]),
                         .lost_reason = "4 tests in a row ended in timeout or crash"};
    report_set_board_health(rep, k, &h);
  }
  for (size_t i = 0; i < n; i++) {
    char board[16], id[64], oc[32];
    ck_assert_int_eq(sscanf(rows[i], "%15s %63s %31s", board, id, oc), 3);
    report_test_t t = {.id = id, .outcome = (outcome_t)outcome_parse(oc), .board = board, .duration_ms = 5};
    if (repeat > 1) t.run = (int)(i % (size_t)repeat) + 1;
    if (t.outcome != OUTCOME_PASS) t.reason = "why";
    ck_assert_int_eq(report_add_test(rep, &t), RIG_OK);
  }
  ck_assert_int_eq(report_finish(rep, REPORT_COMPLETE), RIG_OK);
  report_free(rep);
}

START_TEST(repeat_makes_flaky) {
  char runs[128];
  snprintf(runs, sizeof runs, "%s/runs", dir);
  static const char *const rows[] = {"b1 lang/a.py pass", "b1 lang/a.py fail",    "b1 lang/a.py pass",
                                     "b1 lang/b.py pass", "b1 lang/b.py pass",    "b1 lang/b.py pass",
                                     "b2 lang/a.py fail", "b2 lang/a.py timeout", "b2 lang/a.py fail"};
  write_run(runs, rows, 9, 3, NULL);
  char path[256];
  snprintf(path, sizeof path, "%s/latest/report.json", runs);
  json_error_t je;
  json_t *root = json_load_file(path, 0, &je);
  ck_assert_ptr_nonnull(root);
  json_t *per = json_object_get(root, "per_test");
  ck_assert_int_eq(json_array_size(per), 3);
  json_t *a1 = json_array_get(per, 0), *b1 = json_array_get(per, 1), *a2 = json_array_get(per, 2);
  ck_assert_str_eq(json_string_value(json_object_get(a1, "verdict")), "flaky");
  ck_assert_int_eq(json_integer_value(json_object_get(a1, "passes")), 2);
  ck_assert_int_eq(json_integer_value(json_object_get(a1, "runs")), 3);
  ck_assert_str_eq(json_string_value(json_object_get(b1, "verdict")), "pass");
  ck_assert_str_eq(json_string_value(json_object_get(a2, "verdict")), "timeout"); // the worst, never flaky
  ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(root, "counts"), "flaky")), 1);
  json_t *schema = json_load_file(RIG_TEST_SCHEMA, 0, &je);
  buf_t errors;
  buf_init(&errors, 1 << 16);
  ck_assert_msg(schema_check(schema, root, &errors) == RIG_OK, "%s", buf_str(&errors));
  buf_free(&errors);
  json_decref(schema);
  json_decref(root);
}
END_TEST

START_TEST(triage_classes) {
  char runs[128];
  snprintf(runs, sizeof runs, "%s/runs", dir);
  static const char *const old[] = {"b1 lang/stays.py pass",  "b1 lang/breaks.py pass",
                                    "b1 lang/mended.py fail", "b1 lang/bad.py crash",
                                    "b2 lang/flip.py pass",   "b2 lang/gone.py infra"};
  static const char *const mid[] = {"b1 lang/stays.py pass",  "b1 lang/breaks.py pass",
                                    "b1 lang/mended.py fail", "b1 lang/bad.py crash",
                                    "b2 lang/flip.py fail",   "b2 lang/gone.py infra"};
  static const char *const now[] = {"b1 lang/stays.py pass",  "b1 lang/breaks.py timeout",
                                    "b1 lang/mended.py pass", "b1 lang/bad.py fail",
                                    "b2 lang/flip.py pass",   "b2 lang/gone.py infra"};
  write_run(runs, old, 6, 1, NULL);
  write_run(runs, mid, 6, 1, NULL);
  write_run(runs, now, 6, 1, "b2");
  // The newest two, by name.
  triage_t *tr = triage_new();
  ck_assert_int_eq(triage_add_history(tr, runs, 2), RIG_OK);
  ck_assert_int_eq(triage_runs(tr), 2);
  ck_assert_int_eq(triage_new_failures(tr), 1);  // breaks.py
  ck_assert_int_eq(triage_fixed(tr), 2);         // mended.py, flip.py
  ck_assert_int_eq(triage_still_failing(tr), 1); // bad.py
  ck_assert_int_eq(triage_infra(tr), 2);         // gone.py, and b2 lost
  ck_assert_int_eq(triage_exit_code(tr), TRIAGE_EXIT_REGRESSION);
  char out[8192] = "";
  FILE *f = fmemopen(out, sizeof out - 1, "w");
  triage_print(tr, f);
  fclose(f);
  ck_assert_msg(strstr(out, "NEW FAILURES (regressions) (1)\n  board b1 (module d1mini-4m):\n"
                            "    lang/breaks.py  pass -> timeout: why\n") != NULL,
                "%s", out);
  ck_assert_msg(strstr(out, "board b2 (module esp01-1m): lost: 4 tests in a row") != NULL, "%s", out);
  triage_free(tr);
  // All three: flip.py went pass -> fail -> pass, a flake score of 1.
  tr = triage_new();
  ck_assert_int_eq(triage_add_history(tr, runs, 10), RIG_OK);
  ck_assert_int_eq(triage_runs(tr), 3);
  f = fmemopen(out, sizeof out - 1, "w");
  triage_print(tr, f);
  fclose(f);
  ck_assert_msg(strstr(out, "lang/flip.py  flake score 1.00 over 3 runs") != NULL, "%s", out);
  ck_assert_msg(strstr(out, "lang/mended.py  flake") == NULL, "%s", out); // one change: a fix
  ck_assert_msg(strstr(out, "lang/stays.py  flake") == NULL, "%s", out);
  triage_free(tr);
  // Infra only: no regression, the infra exit code.
  snprintf(runs, sizeof runs, "%s/runs2", dir);
  static const char *const a[] = {"b1 lang/x.py pass", "b2 lang/x.py pass"};
  static const char *const b[] = {"b1 lang/x.py pass", "b2 lang/x.py infra"};
  write_run(runs, a, 2, 1, NULL);
  write_run(runs, b, 2, 1, NULL);
  tr = triage_new();
  ck_assert_int_eq(triage_add_history(tr, runs, 10), RIG_OK);
  ck_assert_int_eq(triage_new_failures(tr), 0);
  ck_assert_int_eq(triage_exit_code(tr), TRIAGE_EXIT_INFRA);
  triage_free(tr);
  char prev[64];
  triage_previous_run(runs, "99999999-999999", prev, sizeof prev);
  ck_assert_int_ne(prev[0], '\0');
  triage_previous_run(runs, "00000000-000000", prev, sizeof prev);
  ck_assert_str_eq(prev, "");
}
END_TEST

START_TEST(exports) {
  char runs[128], path[256], out[256], err[512];
  snprintf(runs, sizeof runs, "%s/runs", dir);
  report_t *rep = report_new();
  ck_assert_int_eq(report_create_run(rep, runs), RIG_OK);
  int k = report_add_board(rep, "b<1>", "webrepl://***@10.0.0.9", "d1mini-4m", NULL, 0);
  report_health_t h = {.state = "done", .hard_resets = 2};
  report_set_board_health(rep, k, &h);
  report_test_t t1 = {.id = "lang/a.py", .outcome = OUTCOME_PASS, .board = "b<1>", .duration_ms = 3};
  report_test_t t2 = {.id = "lang/sub/b.py",
                      .outcome = OUTCOME_FAIL,
                      .board = "b<1>",
                      .reason = "x < y & \"z\"",
                      .diff = "-a\n+b\n",
                      .diff_len = 6};
  report_test_t t3 = {.id = "lang/c.py",
                      .outcome = OUTCOME_CRASH,
                      .board = "b<1>",
                      .reason = "rebooted",
                      .rst_cause = 4,
                      .boot_mode = "(3,6)",
                      .console_tail = "rst cause:4\x01",
                      .console_tail_len = 12};
  report_test_t t4 = {.id = "lang/d.py", .outcome = OUTCOME_INFRA, .board = "b<1>", .reason = "board lost"};
  report_add_test(rep, &t1);
  report_add_test(rep, &t2);
  report_add_test(rep, &t3);
  report_add_test(rep, &t4);
  report_finish(rep, REPORT_COMPLETE);
  snprintf(path, sizeof path, "%s", report_path(rep));
  report_free(rep);
  snprintf(out, sizeof out, "%s/junit.xml", runs);
  ck_assert_int_eq(report_export_junit(path, out, err, sizeof err), RIG_OK);
  const char *x = support_slurp(out);
  ck_assert_ptr_nonnull(
      strstr(x, "<testsuite name=\"b&lt;1&gt;\" tests=\"4\" failures=\"1\" errors=\"1\" skipped=\"1\""));
  ck_assert_ptr_nonnull(strstr(x, "classname=\"b&lt;1&gt;.lang.sub\" name=\"b.py\""));
  ck_assert_ptr_nonnull(strstr(x, "<failure type=\"fail\" message=\"x &lt; y &amp; &quot;z&quot;\">"));
  ck_assert_ptr_nonnull(strstr(x, "<skipped message=\"infra: board lost\"/>"));
  ck_assert_ptr_null(strstr(x, "\x01")); // XML 1.0 forbids it
  snprintf(out, sizeof out, "%s/report.html", runs);
  ck_assert_int_eq(report_export_html(path, out, err, sizeof err), RIG_OK);
  const char *hh = support_slurp(out);
  ck_assert_ptr_nonnull(strstr(hh, "<!DOCTYPE html>"));
  ck_assert_ptr_nonnull(strstr(hh, "watchdog reset"));
  ck_assert_ptr_nonnull(strstr(hh, "<td>2</td>")); // hard resets
  ck_assert_ptr_null(strstr(hh, "<script"));       // one static page
  ck_assert_ptr_null(strstr(hh, "b<1>"));
  // A missing report is an error with a message, not a crash.
  ck_assert_int_eq(report_export_html("/nonexistent/report.json", out, err, sizeof err), RIG_E_FILE);
}
END_TEST

// Runs [conf] on a fake board in farm mode (shared report, board "fb");
// returns the report.
static json_t *run_board(const char *conf, const char *expect, int repeat, report_health_t *health) {
  fake_opts_t o = {.paste = 1};
  int fd;
  pid_t pid = fake_board_start(&o, &fd);
  transport_t *t = transport_new_fd(fd, fd);
  suite_t suite;
  suite_init(&suite);
  ck_assert_int_eq(suite_add_path(&suite, conf), RIG_OK);
  suite_finish(&suite, NULL);
  char runs[128];
  snprintf(runs, sizeof runs, "%s/runs", dir);
  report_t *rep = report_new();
  ck_assert_int_eq(report_create_run(rep, runs), RIG_OK);
  int idx = report_add_board(rep, "fb", "fake", "generic", NULL, 0);
  runner_t *run = runner_new();
  runner_set_transport(run, t);
  runner_set_shared_report(run, rep, idx, "fb");
  runner_set_enter_timeout(run, 2000, 1);
  runner_set_expect_firmware(run, expect);
  runner_set_repeat(run, repeat);
  ck_assert_int_eq(runner_run_board(run, &suite), RIG_OK);
  runner_health(run, health);
  health->lost_reason = NULL; // points into the runner, freed below
  report_finish(rep, REPORT_COMPLETE);
  char path[512];
  snprintf(path, sizeof path, "%s", report_path(rep));
  runner_free(run);
  report_free(rep);
  transport_free(t);
  suite_free(&suite);
  fake_board_stop(pid);
  buf_t errors;
  buf_init(&errors, 1 << 16);
  ck_assert_msg(schema_check_files(RIG_TEST_SCHEMA, path, &errors) == RIG_OK, "%s", buf_str(&errors));
  buf_free(&errors);
  json_error_t je;
  json_t *doc = json_load_file(path, 0, &je);
  ck_assert_ptr_nonnull(doc);
  return doc;
}

static json_t *result(json_t *doc, size_t i) {
  return json_array_get(json_object_get(doc, "tests"), i);
}

// skip_too_large, a crash with its ROM cause and exception, a real failure
// that survives the link check, the firmware identity, --repeat.
START_TEST(runner_new_verdicts) {
  char conf[128];
  snprintf(conf, sizeof conf, "%s/conformance", dir);
  mkdir(conf, 0777);
  support_put_test(conf, "a_big.py", "#memoryerror\nprint('x')\n", "x\n");
  support_put_test(conf, "b_fatal.py", "print('x')\n#fatal\n", "x\n");
  support_put_test(conf, "c_wrong.py", "print('1 + 1 = 2')\n", "1 + 1 = 3\n");
  support_put_test(conf, "d_ok.py", "print('ok')\n", "ok\n");
  report_health_t h;
  json_t *doc = run_board(conf, NULL, 1, &h);
  ck_assert_str_eq(json_string_value(json_object_get(result(doc, 0), "outcome")), "skip_too_large");
  json_t *crash = result(doc, 1);
  ck_assert_str_eq(json_string_value(json_object_get(crash, "outcome")), "crash");
  ck_assert_str_eq(json_string_value(json_object_get(crash, "board")), "fb");
  json_t *ci = json_object_get(crash, "crash");
  ck_assert_int_eq(json_integer_value(json_object_get(ci, "rst_cause")), 2);
  ck_assert_str_eq(json_string_value(json_object_get(ci, "boot_mode")), "(3,6)");
  ck_assert_ptr_nonnull(strstr(json_string_value(json_object_get(ci, "exception")), "Fatal exception 28"));
  ck_assert_ptr_nonnull(
      strstr(json_string_value(json_object_get(crash, "reason")), "rst cause 2 (external reset)"));
  // The link check passed, so the wrong output stays a product failure.
  ck_assert_str_eq(json_string_value(json_object_get(result(doc, 2), "outcome")), "fail");
  ck_assert_str_eq(json_string_value(json_object_get(result(doc, 3), "outcome")), "pass");
  ck_assert_int_gt(json_integer_value(json_object_get(result(doc, 3), "transcript_offset")), 0);
  ck_assert_int_eq(h.crashes, 1);
  ck_assert_str_eq(h.state, "done");
  json_t *fw = json_object_get(json_array_get(json_object_get(doc, "boards"), 0), "firmware");
  ck_assert_str_eq(json_string_value(json_object_get(fw, "name")), "fakepython");
  json_decref(doc);

  // The wrong firmware: refused, every test infra.
  doc = run_board(conf, "pyrite:v0.1.0", 1, &h);
  ck_assert_str_eq(h.state, "refused");
  for (size_t i = 0; i < 4; i++) {
    ck_assert_str_eq(json_string_value(json_object_get(result(doc, i), "outcome")), "infra");
    ck_assert_ptr_nonnull(
        strstr(json_string_value(json_object_get(result(doc, i), "reason")), "firmware refused"));
  }
  json_decref(doc);
  // The right one, repeated: per-test pass counts.
  doc = run_board(conf, "fakepython", 2, &h);
  ck_assert_uint_eq(json_array_size(json_object_get(doc, "tests")), 8);
  json_t *per = json_object_get(doc, "per_test");
  ck_assert_uint_eq(json_array_size(per), 4);
  ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(per, 3), "passes")), 2);
  ck_assert_int_eq(json_integer_value(json_object_get(result(doc, 7), "run")), 2);
  json_decref(doc);
}
END_TEST

int main(void) {
  Suite *s = suite_create("rig_farm");
  TCase *tc = tcase_create("farm");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, farm_valid);
  tcase_add_test(tc, farm_errors_name_line_and_field);
  tcase_add_test(tc, json_line_finder);
  tcase_add_test(tc, crash_recorded_consoles);
  tcase_add_test(tc, version_split);
  tcase_add_test(tc, repeat_makes_flaky);
  tcase_add_test(tc, triage_classes);
  tcase_add_test(tc, exports);
  tcase_add_test(tc, runner_new_verdicts);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}
