// SPDX-License-Identifier: MIT
// test_loopback.c: the check group without a board: the runner hook's
// decisions (not a loopback test, unknown check, missing device, no way to
// capture), the prelude with the wiring map's device, '@' records taken
// out of stdout, a capture command that copies a recorded capture ({out}),
// the analysis turning a pass into a fail with the problem as reason, a
// missing capture made infra, and the report carrying the "loopback"
// object valid against reports/report.schema.json. The PWM check on
// synthetic captures: the errors reported, and a wrong duty, a wrong
// frequency or a wrong board measurement each failing on its own figure.
#include "loopback.h"
#include "report.h"
#include "schema_check.h"
#include "synth.h"

#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[64];

static void setup(void) {
  snprintf(dir, sizeof dir, "/tmp/rig-lbunit-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void) {
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
}

static loopback_t *with_wiring(const char *names_csv) {
  loopback_t *lb = loopback_new();
  const char *names[4];
  char store[256];
  snprintf(store, sizeof store, "%s", names_csv);
  int n = 0;
  for (char *save = NULL, *t = strtok_r(store, ",", &save); t; t = strtok_r(NULL, ",", &save))
    names[n++] = t;
  char err[512];
  ck_assert_msg(loopback_set_wiring(lb, names, n, RIG_WIRING_DIR, err, sizeof err) == RIG_OK, "%s", err);
  loopback_set_output_dir(lb, dir);
  loopback_set_board(lb, "b1");
  return lb;
}

// A recorded WS2812 capture on GPIO13: two pixels red, green.
static void recorded(const char *path, int swap) {
  capture_t cap;
  capture_init(&cap);
  pen_t p = pen_new(&cap, "gpio13", 0);
  p.t = 5000;
  uint8_t grb[6] = {0x00, 0xFF, 0x00, 0xFF, 0x00, 0x00};
  if (swap) grb[0] = 0xFF, grb[1] = 0x00, grb[3] = 0x00, grb[4] = 0xFF;
  synth_ws2812(&p, grb, 6, 400, 850, 800, 450, 100000);
  char err[256];
  ck_assert_msg(capture_write_vcd(&cap, path, err, sizeof err) == RIG_OK, "%s", err);
  capture_free(&cap);
}

static const char *SRC = "# requires: loopback\n# loopback: ws2812\nprint(1)\n";

START_TEST(hook_decisions_and_prelude) {
  loopback_t *lb = with_wiring("ws2812");
  runner_hook_t h;
  loopback_hook(lb, NULL, &h);
  suite_test_t test = {.id = "loopback/x.py"};
  buf_t pre;
  buf_init(&pre, 1 << 16);
  char reason[512] = "";
  // Not a loopback test: nothing happens.
  ck_assert_int_eq(h.before(h.ctx, &test, "print(1)\n", 9, &pre, reason, sizeof reason), -1);
  ck_assert_uint_eq(pre.len, 0);
  // No way to capture yet: skipped.
  ck_assert_int_eq(h.before(h.ctx, &test, SRC, strlen(SRC), &pre, reason, sizeof reason), OUTCOME_SKIP);
  ck_assert_msg(strstr(reason, "no way to capture"), "%s", reason);
  // A check whose device the wiring lacks: skipped, saying what there is.
  const char *i2c = "# loopback: i2c\n";
  loopback_use_command(lb, "true");
  ck_assert_int_eq(h.before(h.ctx, &test, i2c, strlen(i2c), &pre, reason, sizeof reason), OUTCOME_SKIP);
  ck_assert_str_eq(reason, "requires a eeprom24c32 device in the board's wiring (it has: ws2812)");
  const char *odd = "# loopback: spi\n";
  ck_assert_int_eq(h.before(h.ctx, &test, odd, strlen(odd), &pre, reason, sizeof reason), OUTCOME_INFRA);
  // A test that runs: one line of prelude with the map's device.
  ck_assert_int_eq(h.before(h.ctx, &test, SRC, strlen(SRC), &pre, reason, sizeof reason), -1);
  ck_assert_msg(strstr(buf_str(&pre), "FIXTURE = {'type': 'ws2812', 'pin': 13, 'count': 8}; FIXTURES = [{") ==
                    buf_str(&pre),
                "%s", buf_str(&pre));
  ck_assert_int_eq(strchr(buf_str(&pre), '\n') - buf_str(&pre), (long)pre.len - 1);
  // The '@' lines leave stdout.
  buf_t out;
  buf_init(&out, 1 << 16);
  buf_append_str(&out, "a\n@ws2812 x ff0000\nb\n");
  h.filter(h.ctx, &out);
  ck_assert_str_eq(buf_str(&out), "a\nb\n");
  // The command wrote nothing: the result is infra, not a product failure.
  report_test_t r = {.id = test.id, .outcome = OUTCOME_PASS};
  h.after(h.ctx, &test, &r, reason, sizeof reason);
  ck_assert_int_eq(r.outcome, OUTCOME_INFRA);
  ck_assert_msg(strstr(reason, "loopback ws2812: capture:"), "%s", reason);
  buf_free(&out);
  buf_free(&pre);
  loopback_free(lb);
}
END_TEST

// One test through the hook with a capture command copying [capture];
// returns the result's outcome and copies its reason and loopback JSON.
static outcome_t through_hook(const char *capture, const char *stdout_text, char *reason, size_t reasonlen,
                              char **json) {
  loopback_t *lb = with_wiring("ws2812");
  char cmd[512];
  snprintf(cmd, sizeof cmd, "cp '%s' {out}", capture);
  loopback_use_command(lb, cmd);
  runner_hook_t h;
  loopback_hook(lb, NULL, &h);
  suite_test_t test = {.id = "loopback/strip.py"};
  buf_t pre, out;
  buf_init(&pre, 1 << 16);
  buf_init(&out, 1 << 16);
  ck_assert_int_eq(h.before(h.ctx, &test, SRC, strlen(SRC), &pre, reason, reasonlen), -1);
  buf_append_str(&out, stdout_text);
  h.filter(h.ctx, &out);
  report_test_t r = {.id = test.id, .outcome = OUTCOME_PASS};
  reason[0] = '\0';
  h.after(h.ctx, &test, &r, reason, reasonlen);
  *json = r.loopback ? strdup(r.loopback) : NULL;
  if (getenv("LB_DUMP") && r.loopback) fprintf(stderr, "%s\n", r.loopback);
  // The result goes into a report that must stay valid.
  report_t *rep = report_new();
  ck_assert_int_eq(report_create_run(rep, dir), RIG_OK);
  r.reason = r.outcome == OUTCOME_PASS ? NULL : reason;
  ck_assert_int_eq(report_add_test(rep, &r), RIG_OK);
  ck_assert_int_eq(report_finish(rep, REPORT_COMPLETE), RIG_OK);
  json_error_t je;
  json_t *schema = json_load_file(RIG_TEST_SCHEMA, 0, &je), *doc = json_load_file(report_path(rep), 0, &je);
  ck_assert_ptr_nonnull(schema);
  ck_assert_ptr_nonnull(doc);
  buf_t errors;
  buf_init(&errors, 1 << 16);
  ck_assert_msg(schema_check(schema, doc, &errors) == RIG_OK, "%s", buf_str(&errors));
  ck_assert_ptr_nonnull(json_object_get(json_array_get(json_object_get(doc, "tests"), 0), "loopback"));
  buf_free(&errors);
  json_decref(schema);
  json_decref(doc);
  report_free(rep);
  buf_free(&pre);
  buf_free(&out);
  loopback_free(lb);
  return r.outcome;
}

START_TEST(command_capture_analysed_into_the_report) {
  char capture[128], reason[1024];
  snprintf(capture, sizeof capture, "%s/recorded.vcd", dir);
  recorded(capture, 0);
  char *json = NULL;
  outcome_t o = through_hook(capture, "@ws2812 red-green ff0000 00ff00\nok\n", reason, sizeof reason, &json);
  ck_assert_msg(o == OUTCOME_PASS, "%s", reason);
  ck_assert_ptr_nonnull(json);
  ck_assert_msg(strstr(json, "\"source\":\"command\"") && strstr(json, "\"name\":\"T1H\""), "%s", json);
  ck_assert_msg(strstr(json, "\"records\":[\"@ws2812 red-green ff0000 00ff00\"]"), "%s", json);
  free(json);
  // The pictures were written beside it.
  char pic[256];
  snprintf(pic, sizeof pic, "%s/capture-b1-loopback_strip-ws2812-widths.svg", dir);
  ck_assert_int_eq(access(pic, R_OK), 0);
}
END_TEST

START_TEST(command_capture_with_swapped_colours_fails) {
  char capture[128], reason[1024];
  snprintf(capture, sizeof capture, "%s/recorded.vcd", dir);
  recorded(capture, 1);
  char *json = NULL;
  outcome_t o = through_hook(capture, "@ws2812 red-green ff0000 00ff00\nok\n", reason, sizeof reason, &json);
  ck_assert_int_eq(o, OUTCOME_FAIL);
  ck_assert_msg(strstr(reason, "loopback ws2812: frame 0 (red-green) pixel 0: colour 00FF00 decoded, FF0000 "
                               "written (RGB): red and green swapped"),
                "%s", reason);
  ck_assert_msg(strstr(json, "\"ok\":false"), "%s", json);
  free(json);
}
END_TEST

START_TEST(records_missing_or_wrong_are_problems) {
  loopback_t *lb = with_wiring("i2c-eeprom,loopback-gpio0-gpio2");
  capture_t cap;
  capture_init(&cap);
  i2c_pen_t b;
  synth_i2c_init(&b, &cap, 5, 4, 5000);
  synth_i2c_start(&b);
  synth_i2c_byte(&b, 0xA0, 1);
  synth_i2c_stop(&b);
  int ok;
  char problem[1024];
  char *text =
      loopback_analyse(lb, "i2c", &cap, "@i2c freq=100000 scan=\n", NULL, "x", &ok, problem, sizeof problem);
  ck_assert(!ok);
  ck_assert_msg(strstr(problem, "I2C scan: the board found nothing, the wiring map has 0x50"), "%s", problem);
  free(text);
  text = loopback_analyse(lb, "gpio", &cap, "", NULL, "x", &ok, problem, sizeof problem);
  ck_assert(!ok);
  ck_assert_msg(strstr(problem, "no '@gpio' record"), "%s", problem);
  free(text);
  // gpio: fewer edges on the wire than the board drove.
  text = loopback_analyse(lb, "gpio", &cap, "@gpio pin=5 edges=40 burst=2 irq=2\n", NULL, "x", &ok, problem,
                          sizeof problem);
  ck_assert(!ok);
  ck_assert_msg(strstr(problem, "edges min 20  below the window >= 40"), "%s", problem);
  free(text);
  capture_free(&cap);
  loopback_free(lb);
}
END_TEST

// A synthetic PWM on GPIO0: one odd start-up period, then [periods] of
// [period_ns] with [high_ns] high.
static void pwm_capture(capture_t *cap, int64_t period_ns, int64_t high_ns) {
  capture_init(cap);
  pen_t p = pen_new(cap, "gpio0", 0);
  pen_hold(&p, 0, 20000);
  synth_pwm(&p, 1, 3 * period_ns, high_ns);
  synth_pwm(&p, 30, period_ns, high_ns);
  pen_hold(&p, 1, 10000);
}

// The pwm check on [cap] with [records]: returns ok; [problem] gets the
// first three problems, "; " between them.
static int pwm_analyse(loopback_t *lb, const capture_t *cap, const char *records, char *problem,
                       size_t size) {
  int ok;
  char *json = loopback_analyse(lb, "pwm", cap, records, NULL, "x", &ok, problem, size);
  ck_assert_ptr_nonnull(json);
  if (getenv("LB_DUMP")) fprintf(stderr, "%s\n", json);
  // The figures and the errors go into the JSON, passing or not.
  ck_assert_msg(strstr(json, "\"name\":\"freq_error_pct\"") && strstr(json, "\"name\":\"duty_error\""), "%s",
                json);
  ck_assert_msg(strstr(json, "capture: ") && strstr(json, "(error "), "%s", json);
  free(json);
  return ok;
}

START_TEST(pwm_reports_errors_and_names_the_figure_out) {
  loopback_t *lb = with_wiring("loopback-gpio0-gpio2");
  capture_t cap;
  char problem[2048];
  const char *rec = "@pwm pin=0 freq=1000 duty_pct=25.0 board_high_us=249 board_low_us=749\n";
  // 1 kHz at 25 %, as asked: both measurements within their windows.
  pwm_capture(&cap, 1000000, 250000);
  ck_assert_msg(pwm_analyse(lb, &cap, rec, problem, sizeof problem), "%s", problem);
  capture_free(&cap);
  // Negative controls, each failing on its own figure only. The duty off
  // (40 % on the wire): duty_error, not the frequency.
  pwm_capture(&cap, 1000000, 400000);
  ck_assert(!pwm_analyse(lb, &cap, rec, problem, sizeof problem));
  ck_assert_msg(strstr(problem, "duty_error max 15 % above the window <= 3 %"), "%s", problem);
  ck_assert_msg(!strstr(problem, "freq_error_pct") && !strstr(problem, "board_"), "%s", problem);
  capture_free(&cap);
  // The frequency off (800 Hz at the same duty, a 25 % slow clock).
  pwm_capture(&cap, 1250000, 312500);
  ck_assert(!pwm_analyse(lb, &cap, rec, problem, sizeof problem));
  ck_assert_msg(strstr(problem, "freq_error_pct max 20 % above the window <= 5 %"), "%s", problem);
  ck_assert_msg(!strstr(problem, "duty_error"), "%s", problem);
  capture_free(&cap);
  // The board's own measurement off while the wire is right.
  pwm_capture(&cap, 1000000, 250000);
  ck_assert(!pwm_analyse(lb, &cap, "@pwm pin=0 freq=1000 duty_pct=25 board_high_us=400 board_low_us=600\n",
                         problem, sizeof problem));
  ck_assert_msg(strstr(problem, "board_duty_error max 15 % above"), "%s", problem);
  ck_assert_msg(!strstr(problem, "freq_error_pct") && !strchr(problem, ';'), "%s", problem); // that one only
  // ... or timed out (time_pulse_us's -2: no pulse came).
  ck_assert(!pwm_analyse(lb, &cap, "@pwm pin=0 freq=1000 duty_pct=25 board_high_us=-2 board_low_us=-2\n",
                         problem, sizeof problem));
  ck_assert_msg(strstr(problem, "the board's time_pulse_us timed out"), "%s", problem);
  capture_free(&cap);
  loopback_free(lb);
}
END_TEST

int main(void) {
  Suite *s = suite_create("loopback");
  TCase *tc = tcase_create("hook");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, hook_decisions_and_prelude);
  tcase_add_test(tc, command_capture_analysed_into_the_report);
  tcase_add_test(tc, command_capture_with_swapped_colours_fails);
  tcase_add_test(tc, records_missing_or_wrong_are_problems);
  tcase_add_test(tc, pwm_reports_errors_and_names_the_figure_out);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}
