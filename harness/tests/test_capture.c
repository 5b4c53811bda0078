// SPDX-License-Identifier: MIT
// test_capture.c: the capture readers on hand-made files: vboard's VCD,
// sigrok-cli's VCD (values on the timestamp line, 1 us timescale), sigrok
// CSV with and without a Time column, a round trip through the VCD writer,
// and malformed inputs each rejected with its line and a clear message.
#include "capture.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static rig_status_t vcd(capture_t *cap, const char *text, char *err) {
  return capture_read_vcd(cap, text, strlen(text), "t.vcd", err, 256);
}

static rig_status_t csv(capture_t *cap, const char *text, double rate, char *err) {
  return capture_read_csv(cap, text, strlen(text), "t.csv", rate, err, 256);
}

START_TEST(vcd_as_vboard_writes_it) {
  const char *text = "$date today $end\n$version vboard $end\n$timescale 1 ns $end\n"
                     "$scope module board $end\n$var wire 1 ! gpio4 $end\n$var wire 1 \" gpio5 $end\n"
                     "$upscope $end\n$enddefinitions $end\n#0\n$dumpvars\n1!\n1\"\n$end\n"
                     "#1000\n0!\n#1400\n1!\n#2000\n0\"\n#2000\n1\"\n#5000\n";
  capture_t cap;
  capture_init(&cap);
  char err[256] = "";
  ck_assert_msg(vcd(&cap, text, err) == RIG_OK, "%s", err);
  ck_assert_int_eq(cap.nchannels, 2);
  int a = capture_find(&cap, "gpio4"), b = capture_find_pin(&cap, 5);
  ck_assert_int_eq(a, 0);
  ck_assert_int_eq(b, 1);
  ck_assert_int_eq(capture_find(&cap, "4"), 0);
  ck_assert_int_eq(cap.channels[a].pin, 4);
  ck_assert_int_eq(cap.channels[a].initial, 1);
  ck_assert_uint_eq(cap.channels[a].count, 2);
  ck_assert_int_eq(cap.channels[a].edges[0].t_ns, 1000);
  ck_assert_int_eq(cap.channels[a].edges[0].level, 0);
  ck_assert_int_eq(cap.channels[a].edges[1].t_ns, 1400);
  ck_assert_uint_eq(cap.channels[b].count, 2);
  ck_assert_int_eq(cap.end_ns, 5000);
  ck_assert_int_eq(capture_level_at(&cap, a, 999), 1);
  ck_assert_int_eq(capture_level_at(&cap, a, 1000), 0);
  ck_assert_int_eq(capture_level_at(&cap, a, 1399), 0);
  ck_assert_int_eq(capture_level_at(&cap, a, 1400), 1);
  capture_free(&cap);
}
END_TEST

START_TEST(vcd_as_sigrok_writes_it) {
  // sigrok-cli -O vcd: a comment, 1 us timescale, a vector var ignored,
  // values on the timestamp's line.
  const char *text = "$date Wed Nov 25 2026 $end\n$version libsigrok 0.5.2 $end\n"
                     "$comment\n  Acquisition with 2/8 channels at 1 MHz\n$end\n"
                     "$timescale 1 us $end\n$scope module libsigrok $end\n"
                     "$var wire 1 ! D0 $end\n$var wire 1 \" D1 $end\n$var wire 8 # bus $end\n"
                     "$upscope $end\n$enddefinitions $end\n"
                     "#0 1! 0\" b00000001 #\n#3 0! 1\"\n#7 1!\n#10\n";
  capture_t cap;
  capture_init(&cap);
  char err[256] = "";
  ck_assert_msg(vcd(&cap, text, err) == RIG_OK, "%s", err);
  ck_assert_int_eq(cap.nchannels, 2);
  ck_assert_int_eq(cap.channels[0].pin, -1);
  ck_assert_uint_eq(cap.channels[0].count, 2);
  ck_assert_int_eq(cap.channels[0].edges[0].t_ns, 3000);
  ck_assert_int_eq(cap.channels[0].edges[1].t_ns, 7000);
  ck_assert_int_eq(cap.channels[1].initial, 0);
  ck_assert_int_eq(cap.end_ns, 10000);
  capture_free(&cap);
}
END_TEST

START_TEST(vcd_timescales_and_repeats) {
  const char *text = "$timescale 10ps $end $var reg 1 a x $end $enddefinitions $end "
                     "#0 0a #100 1a #150 1a #300 za #400 xa";
  capture_t cap;
  capture_init(&cap);
  char err[256] = "";
  ck_assert_msg(vcd(&cap, text, err) == RIG_OK, "%s", err);
  // 10 ps ticks: #100 = 1 ns; a repeated 1 is no edge; z reads 1, x 0.
  ck_assert_uint_eq(cap.channels[0].count, 2);
  ck_assert_int_eq(cap.channels[0].edges[0].t_ns, 1);
  ck_assert_int_eq(cap.channels[0].edges[1].t_ns, 4);
  ck_assert_int_eq(cap.channels[0].edges[1].level, 0);
  capture_free(&cap);
}
END_TEST

struct bad_case {
  const char *text, *needle;
};

START_TEST(vcd_malformed_rejected) {
  static const struct bad_case cases[] = {
      {"hello world\n", "before $enddefinitions"},
      {"$timescale 1 ns $end\n$var wire 1 ! a $end\n", "no $enddefinitions"},
      {"$timescale 3 ns $end $enddefinitions $end", "bad $timescale"},
      {"$timescale 1 xs $end $enddefinitions $end", "bad $timescale unit"},
      {"$var wire 1 ! a $end $enddefinitions $end #0 1%", "unknown identifier '%'"},
      {"$var wire 1 ! a $end $enddefinitions $end #10 1! #5 0!", "time goes backwards"},
      {"$var wire 1 ! a $end $enddefinitions $end #x1", "bad timestamp"},
      {"$var wire 1 ! a $end $enddefinitions $end #0 2!", "unexpected '2!'"},
      {"$var wire 8 ! bus $end $enddefinitions $end #0 b1 !", "no 1-bit $var"},
      {"$var wire 1 ! a\n", "$var without $end"},
      {"$var wire 1\n", "$var cut short"},
      {"$comment never ends", "without $end"},
      {"$timescale 1 s $end $var wire 1 ! a $end $enddefinitions $end #99999999999999 1!", "too large"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    capture_t cap;
    capture_init(&cap);
    char err[256] = "";
    ck_assert_int_eq(vcd(&cap, cases[i].text, err), RIG_E_PROTOCOL);
    ck_assert_msg(strstr(err, cases[i].needle) != NULL, "case %zu: '%s' lacks '%s'", i, err, cases[i].needle);
    ck_assert_msg(!strncmp(err, "t.vcd:", 6), "case %zu: no file name in '%s'", i, err);
    ck_assert_int_eq(cap.nchannels, 0);
  }
  // The line number points at the problem.
  capture_t cap;
  capture_init(&cap);
  char err[256];
  vcd(&cap, "$var wire 1 ! a $end\n$enddefinitions $end\n#0\n1!\n#9 0?\n", err);
  ck_assert_msg(strstr(err, "t.vcd:5:") != NULL, "%s", err);
}
END_TEST

START_TEST(csv_with_header_and_samplerate) {
  const char *text = "; CSV generated by libsigrok 0.5.2\n; from fx2lafw on Wed Nov 25 2026\n"
                     "; Channels (2/8): D0, D1\n; Samplerate: 2 MHz\n"
                     "D0,D1\n1,0\n1,0\n0,0\n0,1\n1,1\n";
  capture_t cap;
  capture_init(&cap);
  char err[256] = "";
  ck_assert_msg(csv(&cap, text, 0, err) == RIG_OK, "%s", err);
  ck_assert_str_eq(cap.channels[0].name, "D0");
  ck_assert_int_eq(cap.channels[0].initial, 1);
  // Sample 2 at 2 MHz is 1000 ns.
  ck_assert_uint_eq(cap.channels[0].count, 2);
  ck_assert_int_eq(cap.channels[0].edges[0].t_ns, 1000);
  ck_assert_int_eq(cap.channels[0].edges[1].t_ns, 2000);
  ck_assert_int_eq(cap.channels[1].edges[0].t_ns, 1500);
  ck_assert_int_eq(cap.end_ns, 2000);
  capture_free(&cap);
}
END_TEST

START_TEST(csv_time_column_and_no_header) {
  const char *timed = "Time,gpio4\n0.000000000,1\n0.000000400,0\n0.000001250,1\n";
  capture_t cap;
  capture_init(&cap);
  char err[256] = "";
  ck_assert_msg(csv(&cap, timed, 0, err) == RIG_OK, "%s", err);
  ck_assert_int_eq(cap.channels[0].pin, 4);
  ck_assert_int_eq(cap.channels[0].edges[0].t_ns, 400);
  ck_assert_int_eq(cap.channels[0].edges[1].t_ns, 1250);
  capture_free(&cap);
  // No header, no comment: the caller's rate; channels named D0, D1.
  ck_assert_msg(csv(&cap, "0,1\n1,1\n", 1e6, err) == RIG_OK, "%s", err);
  ck_assert_str_eq(cap.channels[1].name, "D1");
  ck_assert_int_eq(cap.channels[0].edges[0].t_ns, 1000);
  capture_free(&cap);
}
END_TEST

START_TEST(csv_malformed_rejected) {
  static const struct bad_case cases[] = {
      {"D0,D1\n1,0\n", "no timing"},
      {"; Samplerate: 1 MHz\nD0,D1\n1,0\n1\n", "1 fields where the first row had 2"},
      {"; Samplerate: 1 MHz\nD0\n1\n0.5\n", "column 'D0': '0.5' is not 0 or 1"},
      {"Time,D0\n0.1,1\n0.05,0\n", "time goes backwards"},
      {"Time,D0\nabc,1\n", "bad time 'abc'"},
      {"; Samplerate: 1 MHz\n; nothing else\n", "no samples"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    capture_t cap;
    capture_init(&cap);
    char err[256] = "";
    ck_assert_int_eq(csv(&cap, cases[i].text, 0, err), RIG_E_PROTOCOL);
    ck_assert_msg(strstr(err, cases[i].needle) != NULL, "case %zu: '%s' lacks '%s'", i, err, cases[i].needle);
  }
}
END_TEST

START_TEST(load_picks_the_reader_and_round_trips) {
  char dir[] = "/tmp/rig-capture-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char path[128], out[128];
  snprintf(path, sizeof path, "%s/a.csv", dir);
  snprintf(out, sizeof out, "%s/b.vcd", dir);
  FILE *f = fopen(path, "w");
  fputs("; Samplerate: 10 MHz\ngpio2,gpio0\n1,0\n0,0\n0,1\n1,1\n", f);
  fclose(f);
  capture_t cap, back;
  capture_init(&cap);
  capture_init(&back);
  char err[256] = "";
  ck_assert_msg(capture_load(&cap, path, err, sizeof err) == RIG_OK, "%s", err);
  ck_assert_str_eq(cap.source, "csv");
  ck_assert_msg(capture_write_vcd(&cap, out, err, sizeof err) == RIG_OK, "%s", err);
  ck_assert_msg(capture_load(&back, out, err, sizeof err) == RIG_OK, "%s", err);
  ck_assert_str_eq(back.source, "vcd");
  ck_assert_int_eq(back.nchannels, 2);
  for (int c = 0; c < 2; c++) {
    ck_assert_str_eq(back.channels[c].name, cap.channels[c].name);
    ck_assert_int_eq(back.channels[c].initial, cap.channels[c].initial);
    ck_assert_uint_eq(back.channels[c].count, cap.channels[c].count);
    for (size_t i = 0; i < cap.channels[c].count; i++)
      ck_assert_int_eq(back.channels[c].edges[i].t_ns, cap.channels[c].edges[i].t_ns);
  }
  ck_assert_int_eq(back.end_ns, cap.end_ns);
  capture_free(&cap);
  capture_free(&back);
  snprintf(path, sizeof path, "%s/missing.vcd", dir);
  ck_assert_int_eq(capture_load(&cap, path, err, sizeof err), RIG_E_FILE);
  ck_assert_msg(strstr(err, "cannot read") != NULL, "%s", err);
  char cmd[160];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
}
END_TEST

int main(void) {
  Suite *s = suite_create("capture");
  TCase *tc = tcase_create("readers");
  tcase_add_test(tc, vcd_as_vboard_writes_it);
  tcase_add_test(tc, vcd_as_sigrok_writes_it);
  tcase_add_test(tc, vcd_timescales_and_repeats);
  tcase_add_test(tc, vcd_malformed_rejected);
  tcase_add_test(tc, csv_with_header_and_samplerate);
  tcase_add_test(tc, csv_time_column_and_no_header);
  tcase_add_test(tc, csv_malformed_rejected);
  tcase_add_test(tc, load_picks_the_reader_and_round_trips);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}
