// SPDX-License-Identifier: MIT
// test_parse.c: target strings, secrets in targets, the serial and exec
// backends' errors, test header lines, test discovery, output comparison
// and the line diff.
#include "diff.h"
#include "report.h"
#include "runner.h"
#include "suite.h"
#include "transport.h"

#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static transport_spec_t spec;
static char err[2048];

START_TEST(tcp_targets) {
  ck_assert_int_eq(transport_parse("tcp:localhost:2323", &spec, err, sizeof err), RIG_OK);
  ck_assert_int_eq(spec.kind, TRANSPORT_TCP);
  ck_assert_str_eq(spec.host, "localhost");
  ck_assert_int_eq(spec.port, 2323);
  ck_assert_int_eq(transport_parse("tcp:[::1]:80", &spec, err, sizeof err), RIG_OK);
  ck_assert_str_eq(spec.host, "::1");
  ck_assert_int_eq(spec.port, 80);
  ck_assert_int_eq(transport_parse("tcp:host", &spec, err, sizeof err), RIG_E_TARGET);
  ck_assert_ptr_nonnull(strstr(err, "no :PORT"));
  ck_assert_int_eq(transport_parse("tcp:host:0", &spec, err, sizeof err), RIG_E_TARGET);
  ck_assert_int_eq(transport_parse("tcp:host:65536", &spec, err, sizeof err), RIG_E_TARGET);
  ck_assert_int_eq(transport_parse("tcp:host:12ab", &spec, err, sizeof err), RIG_E_TARGET);
  ck_assert_ptr_nonnull(strstr(err, "bad port"));
  ck_assert_int_eq(transport_parse("tcp::23", &spec, err, sizeof err), RIG_E_TARGET);
}
END_TEST

START_TEST(serial_targets) {
  ck_assert_int_eq(transport_parse("serial:/dev/ttyUSB0", &spec, err, sizeof err), RIG_OK);
  ck_assert_int_eq(spec.kind, TRANSPORT_SERIAL);
  ck_assert_str_eq(spec.device, "/dev/ttyUSB0");
  ck_assert_int_eq(spec.baud, 115200);
  ck_assert_int_eq(transport_parse("serial:/dev/ttyUSB1@74880", &spec, err, sizeof err), RIG_OK);
  ck_assert_str_eq(spec.device, "/dev/ttyUSB1");
  ck_assert_int_eq(spec.baud, 74880);
  ck_assert_int_eq(transport_parse("serial:/dev/ttyUSB0@fast", &spec, err, sizeof err), RIG_E_TARGET);
  ck_assert_ptr_nonnull(strstr(err, "bad baud rate"));
  ck_assert_int_eq(transport_parse("serial:", &spec, err, sizeof err), RIG_E_TARGET);
  ck_assert_int_eq(transport_parse("serial:@9600", &spec, err, sizeof err), RIG_E_TARGET);
}
END_TEST

START_TEST(exec_and_vboard_targets) {
  ck_assert_int_eq(transport_parse("exec:qemu-system-xtensa -M sim 'a b'", &spec, err, sizeof err), RIG_OK);
  ck_assert_int_eq(spec.kind, TRANSPORT_EXEC);
  char store[256];
  char *argv[8];
  ck_assert_int_eq(transport_split_args(spec.command, store, sizeof store, argv, 8), 4);
  ck_assert_str_eq(argv[0], "qemu-system-xtensa");
  ck_assert_str_eq(argv[3], "a b");
  ck_assert_int_eq(transport_split_args("x \"q\\\"d\" y\\ z", store, sizeof store, argv, 8), 3);
  ck_assert_str_eq(argv[1], "q\"d");
  ck_assert_str_eq(argv[2], "y z");
  ck_assert_int_eq(transport_split_args("unclosed 'quote", store, sizeof store, argv, 8), -1);
  ck_assert_int_eq(transport_parse("exec:", &spec, err, sizeof err), RIG_E_TARGET);
  ck_assert_int_eq(transport_parse("exec:'open", &spec, err, sizeof err), RIG_E_TARGET);
  ck_assert_int_eq(transport_parse("vboard", &spec, err, sizeof err), RIG_OK);
  ck_assert_int_eq(spec.kind, TRANSPORT_VBOARD);
  ck_assert_str_eq(spec.path, "");
  ck_assert_int_eq(transport_parse("vboard:build/port_esp8266/vboard", &spec, err, sizeof err), RIG_OK);
  ck_assert_str_eq(spec.path, "build/port_esp8266/vboard");
  ck_assert_int_eq(transport_parse("vboard:", &spec, err, sizeof err), RIG_E_TARGET);
  ck_assert_int_eq(transport_parse("ttyUSB0", &spec, err, sizeof err), RIG_E_TARGET);
  ck_assert_ptr_nonnull(strstr(err, "unknown target 'ttyUSB0'"));
  ck_assert_ptr_nonnull(strstr(err, "tcp:HOST:PORT"));
  ck_assert_int_eq(transport_parse("", &spec, err, sizeof err), RIG_E_TARGET);
}
END_TEST

START_TEST(redaction) {
  char out[256];
  transport_redact("tcp:admin:hunter2@farm:2000", out, sizeof out);
  ck_assert_str_eq(out, "tcp:***@farm:2000");
  transport_redact("exec:tool --password=hunter2 --x", out, sizeof out);
  ck_assert_str_eq(out, "exec:tool --password=*** --x");
  transport_redact("vboard", out, sizeof out);
  ck_assert_str_eq(out, "vboard");
}
END_TEST

START_TEST(serial_missing_device) {
  ck_assert_int_eq(transport_parse("serial:/dev/rig-test-no-such-tty@9600", &spec, err, sizeof err), RIG_OK);
  transport_t *t = transport_new(&spec);
  ck_assert_int_eq(transport_open(t), RIG_E_NODEVICE);
  ck_assert_ptr_nonnull(strstr(transport_errmsg(t), "/dev/rig-test-no-such-tty"));
  ck_assert_ptr_nonnull(strstr(transport_errmsg(t), "No such file"));
  size_t got;
  char b[4];
  ck_assert_int_eq(transport_read(t, b, sizeof b, &got, 10), RIG_E_CLOSED);
  transport_free(t);
}
END_TEST

START_TEST(exec_missing_command) {
  ck_assert_int_eq(transport_parse("exec:rig-test-no-such-command --x", &spec, err, sizeof err), RIG_OK);
  transport_t *t = transport_new(&spec);
  ck_assert_int_ne(transport_open(t), RIG_OK);
  ck_assert_ptr_nonnull(strstr(transport_errmsg(t), "rig-test-no-such-command"));
  transport_free(t);
  ck_assert_int_eq(transport_parse("vboard:/nonexistent/rig-test-vboard", &spec, err, sizeof err), RIG_OK);
  t = transport_new(&spec);
  ck_assert_int_ne(transport_open(t), RIG_OK);
  ck_assert_ptr_nonnull(strstr(transport_errmsg(t), "rig-test-vboard"));
  transport_free(t);
}
END_TEST

START_TEST(exec_round_trip) {
  // cat echoes what we send: the exec backend carries bytes both ways.
  ck_assert_int_eq(transport_parse("exec:cat", &spec, err, sizeof err), RIG_OK);
  transport_t *t = transport_new(&spec);
  ck_assert_int_eq(transport_open(t), RIG_OK);
  ck_assert_int_gt(transport_child_pid(t), 0);
  ck_assert_int_eq(transport_write(t, "ping\n", 5, 1000), RIG_OK);
  char b[16];
  size_t got = 0, total = 0;
  while (total < 5 && transport_read(t, b + total, sizeof b - total, &got, 2000) == RIG_OK)
    total += got;
  ck_assert_uint_eq(total, 5);
  ck_assert_int_eq(memcmp(b, "ping\n", 5), 0);
  ck_assert_int_eq(transport_read(t, b, sizeof b, &got, 50), RIG_E_TIMEOUT);
  pid_t pid = transport_child_pid(t);
  transport_free(t);
  ck_assert_int_ne(kill(pid, 0), 0); // stopped and reaped
}
END_TEST

START_TEST(headers) {
  test_header_t h;
  const char *src = "# requires:  fs ,fixture:i2c-eeprom\n#timeout: 2.5\n\n# skip:   needs wifi  "
                    "\nprint(1)\n# skip: late\n";
  ck_assert_int_eq(test_header_parse(src, strlen(src), &h, err, sizeof err), RIG_OK);
  ck_assert_str_eq(h.requires, "fs, fixture:i2c-eeprom");
  ck_assert_int_eq(h.timeout_ms, 2500);
  ck_assert_int_eq(h.has_skip, 1);
  ck_assert_str_eq(h.skip, "needs wifi");
  const char *late = "print(1)\n# skip: too late\n";
  ck_assert_int_eq(test_header_parse(late, strlen(late), &h, err, sizeof err), RIG_OK);
  ck_assert_int_eq(h.has_skip, 0);
  const char *bad = "# timeout: soon\n";
  ck_assert_int_eq(test_header_parse(bad, strlen(bad), &h, err, sizeof err), RIG_E_USAGE);
  ck_assert_ptr_nonnull(strstr(err, "soon"));
  const char *zero = "# timeout: 0\n";
  ck_assert_int_eq(test_header_parse(zero, strlen(zero), &h, err, sizeof err), RIG_E_USAGE);
  char missing[128];
  ck_assert_int_eq(test_header_missing("fs, fixture:i2c-eeprom", "", missing, sizeof missing), 2);
  ck_assert_str_eq(missing, "fs, fixture:i2c-eeprom");
  ck_assert_int_eq(test_header_missing("fs, wifi", "wifi,net", missing, sizeof missing), 1);
  ck_assert_str_eq(missing, "fs");
  ck_assert_int_eq(test_header_missing("", "", missing, sizeof missing), 0);
}
END_TEST

static void write_text(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  fputs(text, f);
  fclose(f);
}

START_TEST(discovery) {
  char tmpl[] = "/tmp/rig-suite-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(tmpl));
  char p[512];
  snprintf(p, sizeof p, "%s/conformance", tmpl), mkdir(p, 0777);
  snprintf(p, sizeof p, "%s/conformance/lang", tmpl), mkdir(p, 0777);
  snprintf(p, sizeof p, "%s/conformance/lang/sub", tmpl), mkdir(p, 0777);
  snprintf(p, sizeof p, "%s/conformance/lang/b.py", tmpl), write_text(p, "print(1)\n");
  snprintf(p, sizeof p, "%s/conformance/lang/b.py.exp", tmpl), write_text(p, "1\n");
  snprintf(p, sizeof p, "%s/conformance/lang/a.py", tmpl), write_text(p, "print(2)\n");
  snprintf(p, sizeof p, "%s/conformance/lang/a.py.exp", tmpl), write_text(p, "2\n");
  snprintf(p, sizeof p, "%s/conformance/lang/sub/c.py", tmpl), write_text(p, "print(3)\n");
  snprintf(p, sizeof p, "%s/conformance/lang/sub/c.py.exp", tmpl), write_text(p, "3\n");
  snprintf(p, sizeof p, "%s/conformance/lang/noexp.py", tmpl), write_text(p, "print(4)\n");
  snprintf(p, sizeof p, "%s/conformance/lang/.hidden.py", tmpl), write_text(p, "print(5)\n");
  snprintf(p, sizeof p, "%s/conformance/lang/.hidden.py.exp", tmpl), write_text(p, "5\n");

  suite_t s;
  suite_init(&s);
  snprintf(p, sizeof p, "%s/conformance/lang", tmpl);
  ck_assert_int_eq(suite_add_path(&s, p), RIG_OK);
  snprintf(p, sizeof p, "%s/conformance/lang/a.py", tmpl); // again: deduplicated
  ck_assert_int_eq(suite_add_path(&s, p), RIG_OK);
  suite_finish(&s, NULL);
  ck_assert_uint_eq(s.count, 3);
  ck_assert_str_eq(s.tests[0].id, "lang/a.py");
  ck_assert_str_eq(s.tests[1].id, "lang/b.py");
  ck_assert_str_eq(s.tests[2].id, "lang/sub/c.py");
  ck_assert_uint_eq(s.ignored, 1);
  ck_assert_ptr_nonnull(strstr(s.tests[2].exp_path, "c.py.exp"));
  suite_free(&s);

  suite_init(&s);
  snprintf(p, sizeof p, "%s/conformance", tmpl);
  ck_assert_int_eq(suite_add_path(&s, p), RIG_OK);
  suite_finish(&s, "sub/");
  ck_assert_uint_eq(s.count, 1);
  ck_assert_str_eq(s.tests[0].id, "lang/sub/c.py");
  suite_free(&s);

  // Outside a "conformance" tree, ids are relative to the directory given.
  suite_init(&s);
  snprintf(p, sizeof p, "%s/conformance/lang/sub", tmpl);
  char alt[512];
  snprintf(alt, sizeof alt, "%s/elsewhere", tmpl);
  ck_assert_int_eq(rename(p, alt), 0);
  ck_assert_int_eq(suite_add_path(&s, alt), RIG_OK);
  suite_finish(&s, NULL);
  ck_assert_uint_eq(s.count, 1);
  ck_assert_str_eq(s.tests[0].id, "c.py");
  suite_free(&s);

  suite_init(&s);
  snprintf(p, sizeof p, "%s/conformance/lang/noexp.py", tmpl);
  ck_assert_int_eq(suite_add_path(&s, p), RIG_E_FILE);
  ck_assert_ptr_nonnull(strstr(s.err, "no expected output"));
  snprintf(p, sizeof p, "%s/conformance/lang/missing.py", tmpl);
  ck_assert_int_eq(suite_add_path(&s, p), RIG_E_FILE);
  ck_assert_ptr_nonnull(strstr(s.err, "No such file"));
  suite_free(&s);
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpl);
  ck_assert_int_eq(system(cmd), 0);
}
END_TEST

START_TEST(output_comparison) {
  ck_assert(runner_output_matches("a\r\nb\r\n", 6, "a\nb\n", 4));
  ck_assert(runner_output_matches("a\r\nb\r\n", 6, "a\r\nb\r\n", 6));
  ck_assert(!runner_output_matches("a\r\nb", 4, "a\nb\n", 4));
  ck_assert(!runner_output_matches("a\r\r\n", 4, "a\n", 2));
  ck_assert(runner_output_matches("", 0, "", 0));
}
END_TEST

START_TEST(line_diff) {
  buf_t d;
  buf_init(&d, 1 << 20);
  const char *a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", *b = "1\n2\n3\n4\n5\nsix\n7\n8\n9\n10\n";
  ck_assert_int_eq(diff_lines(a, strlen(a), b, strlen(b), &d), RIG_OK);
  ck_assert_str_eq(buf_str(&d),
                   "--- expected\n+++ actual\n@@ -3,7 +3,7 @@\n 3\n 4\n 5\n-6\n+six\n 7\n 8\n 9\n");
  buf_reset(&d);
  ck_assert_int_eq(diff_lines(a, strlen(a), a, strlen(a), &d), RIG_OK);
  ck_assert_uint_eq(d.len, 0);
  buf_reset(&d);
  ck_assert_int_eq(diff_lines("1 + 1 = 3\n", 10, "1 + 1 = 2\n", 10, &d), RIG_OK);
  ck_assert_str_eq(buf_str(&d), "--- expected\n+++ actual\n@@ -1,1 +1,1 @@\n-1 + 1 = 3\n+1 + 1 = 2\n");
  buf_reset(&d);
  ck_assert_int_eq(diff_lines("x\n", 2, "", 0, &d), RIG_OK);
  ck_assert_str_eq(buf_str(&d), "--- expected\n+++ actual\n@@ -1,1 +0,0 @@\n-x\n");
  buf_reset(&d);
  ck_assert_int_eq(diff_lines("x\n", 2, "x", 1, &d), RIG_OK);
  ck_assert_ptr_nonnull(strstr(buf_str(&d), "+x\n\\ No newline at end of file\n"));
  buf_free(&d);
}
END_TEST

START_TEST(utf8_cleaning) {
  size_t n;
  char *s = report_utf8_clean("ok \xc3\xa9 \xff end", 11, &n);
  ck_assert_str_eq(s, "ok \xc3\xa9 \xef\xbf\xbd end");
  free(s);
  s = report_utf8_clean("\xc0\x80", 2, &n); // overlong NUL
  ck_assert_str_eq(s, "\xef\xbf\xbd\xef\xbf\xbd");
  free(s);
}
END_TEST

int main(void) {
  Suite *s = suite_create("rig_parse");
  TCase *tc = tcase_create("parse");
  tcase_add_test(tc, tcp_targets);
  tcase_add_test(tc, serial_targets);
  tcase_add_test(tc, exec_and_vboard_targets);
  tcase_add_test(tc, redaction);
  tcase_add_test(tc, serial_missing_device);
  tcase_add_test(tc, exec_missing_command);
  tcase_add_test(tc, exec_round_trip);
  tcase_add_test(tc, headers);
  tcase_add_test(tc, discovery);
  tcase_add_test(tc, output_comparison);
  tcase_add_test(tc, line_diff);
  tcase_add_test(tc, utf8_cleaning);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
