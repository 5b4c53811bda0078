// SPDX-License-Identifier: MIT
// test_loopback_vboard.c: the loopback check group end to end on real
// vboards: `rig run --wiring` with all four fixtures passes with measured
// figures (PWM exactly 1 kHz at 25 % on the wire), pictures and an HTML
// page that embeds them; vboard's faults are the negative controls: a slow
// clock (+25%) fails the WS2812 check naming T1H and the PWM check naming
// its frequency (800 Hz) alone, 40 % driven for 25 % asked
// (tests/loopback_faults/) fails it naming the duty alone, a missing EEPROM
// fails the I2C scan, a 1-Wire read slot held low
// (tests/loopback_faults/) fails the scratchpad's CRC8; boards without a
// fixture skip with the reason. Then the WS2812 capture, turned into
// sigrok-cli CSV, is analysed again by `rig loopback analyse` (the same
// analyser for both sources), and again with red and green swapped in what
// was written: the colour comparison fails.
#include "capture.h"

#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *rig, *vboard, *loopback_dir, *wiring_dir, *faults_dir;
static char work[64];

// Runs a shell command line; returns its exit status, output in [out].
static int run(const char *cmd, char *out, size_t cap) {
  FILE *p = popen(cmd, "r");
  ck_assert_ptr_nonnull(p);
  size_t n = fread(out, 1, cap - 1, p);
  out[n] = '\0';
  int st = pclose(p);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

// rig run on a fresh vboard with [wiring] and one vboard --fault (or none).
static int rig_run(const char *name, const char *wiring, const char *fault, char *out, size_t cap) {
  char cmd[4096];
  snprintf(cmd, sizeof cmd,
           "'%s' run --target 'vboard:%s' --wiring %s --wiring-dir '%s' %s%s --report-dir '%s/%s' '%s' 2>&1",
           rig, vboard, wiring, wiring_dir, fault ? "--vboard-arg --fault --vboard-arg " : "",
           fault ? fault : "", work, name, loopback_dir);
  return run(cmd, out, cap);
}

static json_t *report(const char *name) {
  char path[256];
  snprintf(path, sizeof path, "%s/%s/latest/report.json", work, name);
  json_error_t je;
  json_t *j = json_load_file(path, 0, &je);
  ck_assert_msg(j != NULL, "%s: %s", path, je.text);
  return j;
}

static json_t *test_of(json_t *rep, const char *id) {
  size_t i;
  json_t *t;
  json_array_foreach(json_object_get(rep, "tests"), i,
                     t) if (!strcmp(json_string_value(json_object_get(t, "id")), id)) return t;
  ck_abort_msg("no result for %s", id);
  return NULL;
}

static json_t *figure(json_t *t, const char *name) {
  size_t i;
  json_t *f;
  json_array_foreach(json_object_get(json_object_get(t, "loopback"), "figures"), i,
                     f) if (!strcmp(json_string_value(json_object_get(f, "name")), name)) return f;
  ck_abort_msg("no figure %s", name);
  return NULL;
}

static const char *outcome(json_t *t) {
  return json_string_value(json_object_get(t, "outcome"));
}

static const char *reason(json_t *t) {
  const char *r = json_string_value(json_object_get(t, "reason"));
  return r ? r : "";
}

static void setup(void) {
  snprintf(work, sizeof work, "/tmp/rig-loopback-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(work));
}

static void teardown(void) {
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", work);
  ck_assert_int_eq(system(cmd), 0);
}

START_TEST(all_fixtures_pass_with_figures_and_pictures) {
  static char out[1 << 16];
  int code = rig_run("good", "ws2812,i2c-eeprom,ds18b20,loopback-gpio0-gpio2", NULL, out, sizeof out);
  ck_assert_msg(code == 0, "rig run exited %d:\n%s", code, out);
  json_t *rep = report("good");
  static const char *const ids[] = {"loopback/ws2812_patterns.py", "loopback/i2c_eeprom.py",
                                    "loopback/onewire_ds18b20.py", "loopback/gpio_loopback.py",
                                    "loopback/pwm_measure.py"};
  for (size_t i = 0; i < 5; i++) {
    json_t *t = test_of(rep, ids[i]);
    ck_assert_msg(!strcmp(outcome(t), "pass"), "%s: %s (%s)", ids[i], outcome(t), reason(t));
    ck_assert_msg(json_is_true(json_object_get(json_object_get(t, "loopback"), "ok")), "%s", ids[i]);
  }
  json_t *ws = test_of(rep, ids[0]);
  json_t *t1h = figure(ws, "T1H");
  double mean = json_number_value(json_object_get(t1h, "mean"));
  ck_assert_msg(mean >= 650 && mean <= 950, "T1H mean %g", mean);
  ck_assert_int_ge(json_integer_value(json_object_get(t1h, "n")), 100);
  ck_assert_int_eq(json_integer_value(json_object_get(figure(ws, "reset"), "n")), 6);
  double scl = json_number_value(json_object_get(figure(test_of(rep, ids[1]), "scl_hz"), "mean"));
  ck_assert_msg(scl > 75000 && scl <= 100000 * 1.25, "SCL %g Hz", scl);
  ck_assert_double_eq_tol(
      json_number_value(json_object_get(figure(test_of(rep, ids[2]), "presence_wait"), "min")), 30, 15);
  // PWM: vboard's edges are exact in virtual time, so every period on the
  // wire is the one asked for; the board's time_pulse_us within a few us.
  json_t *pwm = test_of(rep, ids[4]);
  json_t *freq = figure(pwm, "freq");
  ck_assert_int_ge(json_integer_value(json_object_get(freq, "n")), 20);
  ck_assert_double_eq_tol(json_number_value(json_object_get(freq, "min")), 1000, 0.01);
  ck_assert_double_eq_tol(json_number_value(json_object_get(freq, "max")), 1000, 0.01);
  ck_assert_double_eq_tol(json_number_value(json_object_get(figure(pwm, "duty"), "mean")), 25, 0.01);
  ck_assert_double_eq_tol(json_number_value(json_object_get(figure(pwm, "freq_error_pct"), "max")), 0, 0.01);
  ck_assert_double_eq_tol(json_number_value(json_object_get(figure(pwm, "board_freq"), "mean")), 1000, 5);
  ck_assert_double_eq_tol(json_number_value(json_object_get(figure(pwm, "board_duty"), "mean")), 25, 0.5);
  // The pictures and the capture are files beside the report.
  size_t i;
  json_t *pic;
  int npics = 0;
  json_array_foreach(json_object_get(json_object_get(ws, "loopback"), "pictures"), i, pic) {
    char path[512];
    snprintf(path, sizeof path, "%s/good/latest/%s", work, json_string_value(pic));
    struct stat sb;
    ck_assert_msg(stat(path, &sb) == 0 && sb.st_size > 500, "%s", path);
    npics++;
  }
  ck_assert_int_eq(npics, 2);
  // The HTML page embeds them; the report is valid.
  char cmd[1024];
  snprintf(cmd, sizeof cmd,
           "'%s' report --html '%s/good/latest/report.json' && grep -c '<svg' '%s/good/latest/report.html'",
           rig, work, work);
  ck_assert_int_eq(run(cmd, out, sizeof out), 0);
  ck_assert_msg(atoi(strchr(out, '\n') + 1) >= 3, "%s", out);
  // JUnit carries the figures as properties.
  snprintf(
      cmd, sizeof cmd,
      "'%s' report --junit '%s/good/latest/report.json' > /dev/null && grep -q 'name=\"loopback.T1H.mean\" "
      "value=\"8' '%s/good/latest/junit.xml'",
      rig, work, work);
  ck_assert_msg(run(cmd, out, sizeof out) == 0, "%s", out);
  snprintf(cmd, sizeof cmd, "'%s' report --check '%s/good/latest/report.json'", rig, work);
  ck_assert_msg(run(cmd, out, sizeof out) == 0, "%s", out);
  json_decref(rep);
}
END_TEST

START_TEST(slow_clock_fails_ws2812_naming_t1h) {
  static char out[1 << 16];
  int code = rig_run("slow", "ws2812", "slow-clock=250000", out, sizeof out);
  ck_assert_msg(code == 1, "rig run exited %d:\n%s", code, out);
  json_t *rep = report("slow");
  json_t *t = test_of(rep, "loopback/ws2812_patterns.py");
  ck_assert_str_eq(outcome(t), "fail");
  ck_assert_msg(strstr(reason(t), "T1H max") && strstr(reason(t), "above the window 650..950 ns"), "%s",
                reason(t));
  ck_assert(json_is_false(json_object_get(figure(t, "T1H"), "ok")));
  // Only timing is off: the output matched its .exp and the colours decode.
  ck_assert_ptr_null(json_object_get(t, "diff"));
  ck_assert_msg(!strstr(reason(t), "pixel"), "%s", reason(t));
  // Boards without the other fixtures skip them, saying why.
  json_t *i2c = test_of(rep, "loopback/i2c_eeprom.py");
  ck_assert_str_eq(outcome(i2c), "skip");
  ck_assert_msg(strstr(reason(i2c), "requires a eeprom24c32 device"), "%s", reason(i2c));
  json_decref(rep);
}
END_TEST

START_TEST(slow_clock_fails_pwm_naming_the_frequency) {
  // A crystal 25 % slow: the board still believes its PWM runs at 1 kHz
  // (its own time_pulse_us counts the same slow cycles), the wire says
  // 800 Hz. Only the rig's frequency figure may fail.
  static char out[1 << 16];
  char cmd[4096];
  snprintf(
      cmd, sizeof cmd,
      "'%s' run --target 'vboard:%s' --wiring loopback-gpio0-gpio2 --wiring-dir '%s' --vboard-arg --fault "
      "--vboard-arg slow-clock=250000 --filter pwm_measure --report-dir '%s/pwmslow' '%s' 2>&1",
      rig, vboard, wiring_dir, work, loopback_dir);
  int code = run(cmd, out, sizeof out);
  ck_assert_msg(code == 1, "rig run exited %d:\n%s", code, out);
  json_t *rep = report("pwmslow");
  json_t *t = test_of(rep, "loopback/pwm_measure.py");
  ck_assert_str_eq(outcome(t), "fail");
  ck_assert_msg(!strcmp(reason(t), "loopback pwm: freq_error_pct max 20 % above the window <= 5 %"), "%s",
                reason(t));
  ck_assert_double_eq_tol(json_number_value(json_object_get(figure(t, "freq"), "mean")), 800, 0.01);
  ck_assert(json_is_false(json_object_get(figure(t, "freq_error_pct"), "ok")));
  ck_assert(json_is_true(json_object_get(figure(t, "duty_error"), "ok")));
  ck_assert(json_is_true(json_object_get(figure(t, "board_freq_error_pct"), "ok")));
  ck_assert_ptr_null(json_object_get(t, "diff"));
  json_decref(rep);
}
END_TEST

START_TEST(missing_eeprom_fails_the_scan) {
  static char out[1 << 16];
  int code = rig_run("missing", "i2c-eeprom", "device-missing=i2c-eeprom", out, sizeof out);
  ck_assert_msg(code == 1, "rig run exited %d:\n%s", code, out);
  json_t *rep = report("missing");
  json_t *t = test_of(rep, "loopback/i2c_eeprom.py");
  ck_assert_str_eq(outcome(t), "fail");
  ck_assert_msg(strstr(reason(t), "I2C scan: 0x50 is in the wiring map but did not answer on the bus"), "%s",
                reason(t));
  json_decref(rep);
}
END_TEST

// Writes [cap] as sigrok-cli CSV at [rate] Hz (header comments, a header row).
static void write_csv(const capture_t *cap, const char *path, double rate) {
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  fprintf(f, "; CSV generated by a test\n; Channels (%d/%d)\n; Samplerate: %g MHz\n", cap->nchannels,
          cap->nchannels, rate / 1e6);
  for (int c = 0; c < cap->nchannels; c++)
    fprintf(f, "%s%s", c ? "," : "", cap->channels[c].name);
  fputc('\n', f);
  int64_t samples = (int64_t)((double)cap->end_ns * rate / 1e9);
  for (int64_t s = 0; s <= samples; s++) {
    int64_t t = (int64_t)((double)s * 1e9 / rate);
    for (int c = 0; c < cap->nchannels; c++)
      fprintf(f, "%s%d", c ? "," : "", capture_level_at(cap, c, t));
    fputc('\n', f);
  }
  fclose(f);
}

START_TEST(sigrok_csv_analysed_alike_and_colour_swap_fails) {
  static char out[1 << 16];
  ck_assert_int_eq(rig_run("csv", "ws2812", NULL, out, sizeof out), 0);
  json_t *rep = report("csv");
  json_t *lb = json_object_get(test_of(rep, "loopback/ws2812_patterns.py"), "loopback");
  double t1h_vcd =
      json_number_value(json_object_get(figure(test_of(rep, "loopback/ws2812_patterns.py"), "T1H"), "mean"));
  char vcd[512], csv[512], records[512], swapped[512];
  snprintf(vcd, sizeof vcd, "%s/csv/latest/%s", work,
           json_string_value(json_object_get(json_object_get(lb, "capture"), "file")));
  snprintf(csv, sizeof csv, "%s/ws2812.csv", work);
  snprintf(records, sizeof records, "%s/records", work);
  snprintf(swapped, sizeof swapped, "%s/records-swapped", work);
  capture_t cap;
  capture_init(&cap);
  char err[256];
  ck_assert_msg(capture_load(&cap, vcd, err, sizeof err) == RIG_OK, "%s", err);
  write_csv(&cap, csv, 40e6); // a 40 MHz logic analyser: 25 ns resolution
  capture_free(&cap);
  FILE *r = fopen(records, "w"), *s = fopen(swapped, "w");
  size_t i;
  json_t *line;
  json_array_foreach(json_object_get(lb, "records"), i, line) {
    const char *text = json_string_value(line);
    fprintf(r, "%s\n", text);
    // "@ws2812 LABEL RRGGBB ...": swap RR and GG in each pixel.
    char copy[1024];
    snprintf(copy, sizeof copy, "%s", text);
    for (char *p = strchr(strchr(copy, ' ') + 1, ' '); p && strlen(p) >= 7; p = strchr(p + 1, ' ')) {
      char t0 = p[1], t1 = p[2];
      p[1] = p[3], p[2] = p[4], p[3] = t0, p[4] = t1;
    }
    fprintf(s, "%s\n", copy);
  }
  fclose(r);
  fclose(s);
  char cmd[2048];
  snprintf(cmd, sizeof cmd,
           "'%s' loopback analyse --check ws2812 --wiring ws2812 --wiring-dir '%s' --records '%s' '%s' 2>&1",
           rig, wiring_dir, records, csv);
  int code = run(cmd, out, sizeof out);
  ck_assert_msg(code == 0, "exit %d:\n%s", code, out);
  ck_assert_msg(strstr(out, "ws2812: ok") && strstr(out, "frame 4 (primaries): 8 pixels as written"), "%s",
                out);
  // The same figure from the CSV, within a 40 MHz sample.
  char *p = strstr(out, "T1H");
  ck_assert_ptr_nonnull(p);
  double t1h_csv = strtod(strstr(p, "mean ") + 5, NULL);
  ck_assert_double_eq_tol(t1h_csv, t1h_vcd, 25.0);
  snprintf(cmd, sizeof cmd,
           "'%s' loopback analyse --check ws2812 --wiring ws2812 --wiring-dir '%s' --records '%s' '%s' 2>&1",
           rig, wiring_dir, swapped, csv);
  code = run(cmd, out, sizeof out);
  ck_assert_msg(code == 1, "exit %d:\n%s", code, out);
  ck_assert_msg(strstr(out, "red and green swapped") && strstr(out, "colour order"), "%s", out);
  json_decref(rep);
}
END_TEST

START_TEST(glitched_onewire_read_fails_the_crc) {
  // One read slot held low on the line (loopback_faults/): the scratchpad
  // on the wire has a 0 where the part sent a 1.
  static char out[1 << 16];
  char cmd[4096];
  snprintf(
      cmd, sizeof cmd,
      "'%s' run --target 'vboard:%s' --wiring ds18b20 --wiring-dir '%s' --report-dir '%s/glitch' '%s' 2>&1",
      rig, vboard, wiring_dir, work, faults_dir);
  int code = run(cmd, out, sizeof out);
  ck_assert_msg(code == 1, "rig run exited %d:\n%s", code, out);
  json_t *rep = report("glitch");
  json_t *t = test_of(rep, "onewire_corrupted_read.py");
  ck_assert_str_eq(outcome(t), "fail");
  ck_assert_msg(strstr(reason(t), "loopback onewire: scratchpad 40054B") &&
                    strstr(reason(t), "CRC8 check failed"),
                "%s", reason(t));
  // The board saw it too (its .exp says so): only the rig's check fails.
  ck_assert_ptr_null(json_object_get(t, "diff"));
  json_decref(rep);
}
END_TEST

START_TEST(wrong_duty_on_the_wire_fails_naming_duty_error) {
  // loopback_faults/pwm_duty_off.py drives 40 % (duty 410 of 1024: 400 us
  // high, in whole microseconds) and records 25 %: only the duty figure may
  // fail (the 1-Wire fault there skips on this wiring).
  static char out[1 << 16];
  char cmd[4096];
  snprintf(cmd, sizeof cmd,
           "'%s' run --target 'vboard:%s' --wiring loopback-gpio0-gpio2 --wiring-dir '%s' --report-dir "
           "'%s/pwmduty' '%s' 2>&1",
           rig, vboard, wiring_dir, work, faults_dir);
  int code = run(cmd, out, sizeof out);
  ck_assert_msg(code == 1, "rig run exited %d:\n%s", code, out);
  json_t *rep = report("pwmduty");
  json_t *t = test_of(rep, "pwm_duty_off.py");
  ck_assert_str_eq(outcome(t), "fail");
  ck_assert_msg(!strcmp(reason(t), "loopback pwm: duty_error max 15 % above the window <= 3 %") &&
                    !strstr(reason(t), "freq_error_pct"),
                "%s", reason(t));
  ck_assert_double_eq_tol(json_number_value(json_object_get(figure(t, "duty"), "mean")), 40, 0.01);
  ck_assert_str_eq(outcome(test_of(rep, "onewire_corrupted_read.py")), "skip");
  json_decref(rep);
}
END_TEST

START_TEST(analyse_refuses_bad_input_clearly) {
  char bad[256], cmd[1024];
  static char out[1 << 14];
  snprintf(bad, sizeof bad, "%s/cut.vcd", work);
  FILE *f = fopen(bad, "w");
  fputs("$timescale 1 ns $end\n$var wire 1 ! gpio13 $end\n$enddefinitions $end\n#0 1!\n#10 0?\n", f);
  fclose(f);
  snprintf(cmd, sizeof cmd,
           "'%s' loopback analyse --check ws2812 --wiring ws2812 --wiring-dir '%s' '%s' 2>&1", rig,
           wiring_dir, bad);
  ck_assert_int_eq(run(cmd, out, sizeof out), 2);
  ck_assert_msg(strstr(out, "cut.vcd:5: value change for unknown identifier '?'"), "%s", out);
  snprintf(cmd, sizeof cmd, "'%s' loopback analyse --check spi '%s' 2>&1", rig, bad);
  ck_assert_int_eq(run(cmd, out, sizeof out), 2);
  snprintf(cmd, sizeof cmd,
           "'%s' loopback analyse --check ws2812 --wiring nosuchmap --wiring-dir '%s' '%s' 2>&1", rig,
           wiring_dir, bad);
  ck_assert_int_eq(run(cmd, out, sizeof out), 2);
  ck_assert_msg(strstr(out, "wiring nosuchmap"), "%s", out);
}
END_TEST

int main(int argc, char **argv) {
  if (argc != 6) {
    fprintf(stderr, "usage: %s RIG VBOARD CONFORMANCE/LOOPBACK FIXTURES/WIRING LOOPBACK_FAULTS\n", argv[0]);
    return 2;
  }
  rig = argv[1];
  vboard = argv[2];
  loopback_dir = argv[3];
  wiring_dir = argv[4];
  faults_dir = argv[5];
  Suite *s = suite_create("loopback_vboard");
  TCase *tc = tcase_create("vboard");
  tcase_set_timeout(tc, 120);
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, all_fixtures_pass_with_figures_and_pictures);
  tcase_add_test(tc, slow_clock_fails_ws2812_naming_t1h);
  tcase_add_test(tc, slow_clock_fails_pwm_naming_the_frequency);
  tcase_add_test(tc, missing_eeprom_fails_the_scan);
  tcase_add_test(tc, sigrok_csv_analysed_alike_and_colour_swap_fails);
  tcase_add_test(tc, glitched_onewire_read_fails_the_crc);
  tcase_add_test(tc, wrong_duty_on_the_wire_fails_naming_duty_error);
  tcase_add_test(tc, analyse_refuses_bad_input_clearly);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}
