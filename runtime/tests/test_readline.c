// SPDX-License-Identifier: MIT
// test_readline.c: the friendly REPL's line editor, driven by the bytes a
// VT100 terminal sends and checked against the exact bytes echoed back
// (cursor steps, redraws, history recall, tab completion, auto-indent).
#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "runtime.h"
#include "test_util.h"

#define BANNER                                                                                               \
  "Pyrite v" PYRITE_VERSION " on " PYRITE_BUILD_DATE                                                         \
  "; ESP module (fake) with ESP8266\r\nType \"help()\" for more information.\r\n"

// What terminals send for the cursor keys.
#define UP "\x1b[A"
#define DOWN "\x1b[B"
#define RIGHT "\x1b[C"
#define LEFT "\x1b[D"
#define HOME "\x1b[H"
#define END "\x1b[F"
#define DEL "\x1b[3~"

static void setup(void) {
  tu_init(128 * 1024);
}
static void teardown(void) {
  tu_done();
}

static void show(const char *label, const char *s, size_t n) {
  fprintf(stderr, "%s", label);
  for (size_t i = 0; i < n; i++)
    fprintf(stderr, (unsigned char)s[i] < 32 ? "\\x%02x" : "%c", s[i]);
  fprintf(stderr, "\n");
}

// Feeds [in] to a friendly REPL and tells whether it answered exactly
// [want] after the banner. Prints both on a mismatch.
static bool answers(const char *in, size_t n, const char *want, size_t wn) {
  rt_repl_mode_t mode = RT_REPL_FRIENDLY;
  const char *out;
  size_t len;
  tu_repl(&mode, in, n, &out, &len);
  size_t skip = sizeof(BANNER) - 1;
  if (len < skip || memcmp(out, BANNER, skip) != 0) {
    show("no banner; got: ", out, len);
    return false;
  }
  out += skip;
  len -= skip;
  if (len == wn && memcmp(out, want, wn) == 0) return true;
  show("want: ", want, wn);
  show("got:  ", out, len);
  return false;
}

#define ANSWERS(in, want) answers(in, sizeof(in) - 1, want, sizeof(want) - 1)

START_TEST(insert_in_the_middle) {
  // "1+3", two steps left, "2": the tail is redrawn and the cursor put back.
  ck_assert(ANSWERS("1+3" LEFT LEFT "2\r", ">>> 1+3\b\b2+3\b\b+3\r\n15\r\n>>> "));
}
END_TEST

START_TEST(negative_control_wrong_echo_fails) {
  // The same input against an echo that forgot the redraw must not match.
  ck_assert(!ANSWERS("1+3" LEFT LEFT "2\r", ">>> 1+3\b\b2\r\n15\r\n>>> "));
  // And a right answer with one byte changed neither.
  ck_assert(!ANSWERS("1+3" LEFT LEFT "2\r", ">>> 1+3\b\b2+3\b\b+3\r\n16\r\n>>> "));
}
END_TEST

START_TEST(right_moves_by_echoing) {
  ck_assert(ANSWERS("12" LEFT LEFT RIGHT "+\r", ">>> 12\b\b1+2\b2\r\n3\r\n>>> "));
}
END_TEST

START_TEST(home_and_end_sequences) {
  // ESC [ H and ESC [ F
  ck_assert(ANSWERS("2*3" HOME "1+" END "\r", ">>> 2*3\b\b\b12*3\b\b\b+2*3\b\b\b2*3\r\n7\r\n>>> "));
  // ESC [ 1 ~ and ESC [ 4 ~, ESC O H and ESC O F
  ck_assert(ANSWERS("5"
                    "\x1b[1~"
                    "-"
                    "\x1b[4~"
                    "\x1bOH"
                    "4"
                    "\x1bOF"
                    "\r",
                    ">>> 5\b-5\b5\b\b4-5\b\b-5\r\n-1\r\n>>> "));
  // Ctrl-A and Ctrl-E on a non-empty line are home and end.
  ck_assert(ANSWERS("9\x01-\x05\r", ">>> 9\b-9\b9\r\n-9\r\n>>> "));
}
END_TEST

START_TEST(long_moves_use_csi) {
  // More than 4 columns left: ESC [ n D.
  ck_assert(ANSWERS("123456" HOME "-\r", ">>> 123456\x1b[6D-123456\x1b[6D123456\r\n-123456\r\n>>> "));
}
END_TEST

START_TEST(backspace_and_delete) {
  // Backspace at the end: step back, blank, step back.
  ck_assert(ANSWERS("12\x7f\r", ">>> 12\b \b\r\n1\r\n>>> "));
  // Backspace in the middle: the tail moves left, the last column is blanked.
  ck_assert(ANSWERS("1x2" LEFT "\x08\r", ">>> 1x2\b\b2 \b\b2\r\n12\r\n>>> "));
  // Delete (ESC [ 3 ~) and Ctrl-D under the cursor.
  ck_assert(ANSWERS("1xy2" LEFT LEFT LEFT DEL "\x04\r", ">>> 1xy2\b\b\by2 \b\b\b2 \b\b2\r\n12\r\n>>> "));
}
END_TEST

START_TEST(kill_to_end_and_to_start) {
  ck_assert(ANSWERS("7junk" LEFT LEFT LEFT LEFT "\x0b\r", ">>> 7junk\b\b\b\b    \b\b\b\b\r\n7\r\n>>> "));
  ck_assert(ANSWERS("junk8" LEFT "\x15\r", ">>> junk8\b\b\b\b\b8    \x1b[5D8\r\n8\r\n>>> "));
}
END_TEST

START_TEST(utf8_characters_move_and_erase_whole) {
  // "é" is 2 bytes, 1 column: Left steps over both bytes, the redraw steps
  // back 2 columns for the 3-byte tail "é'".
  ck_assert(ANSWERS("'\xc3\xa9'" LEFT LEFT "x\r",
                    ">>> '\xc3\xa9'\b\bx\xc3\xa9'\b\b\xc3\xa9'\r\n'x\xc3\xa9'\r\n>>> "));
  // Backspace erases the whole character (one column).
  ck_assert(ANSWERS("'a\xc3\xa9\x7f'\r", ">>> 'a\xc3\xa9\b \b'\r\n'a'\r\n>>> "));
  // A 3-byte character, deleted under the cursor with ESC [ 3 ~.
  ck_assert(ANSWERS("'\xe2\x82\xac"
                    "b'" LEFT LEFT LEFT DEL "\r",
                    ">>> '\xe2\x82\xac"
                    "b'\b\b\bb' \b\b\bb'\r\n'b'\r\n>>> "));
  // A malformed character is dropped, the byte after it is kept.
  ck_assert(ANSWERS("1\xc3"
                    "2\r",
                    ">>> 12\r\n12\r\n>>> "));
  ck_assert(ANSWERS("3\xe9\r", ">>> 3\r\n3\r\n>>> "));
}
END_TEST

START_TEST(kill_word) {
  // Ctrl-W erases "junk " (the word and the spaces after it).
  ck_assert(ANSWERS("7 junk \x17\r", ">>> 7 junk \x1b[5D     \x1b[5D\r\n7\r\n>>> "));
}
END_TEST

START_TEST(history_recall_exact) {
  ck_assert(ANSWERS("1\r22\r" UP UP DOWN "\r",
                    ">>> 1\r\n1\r\n>>> 22\r\n22\r\n"
                    ">>> 22"   // Up: "22" drawn
                    "\b\b1 \b" // Up: "1" over it, one column blanked
                    "\b22"     // Down: "22" again
                    "\r\n22\r\n>>> "));
  // Down past the newest entry brings back what was being typed.
  ck_assert(ANSWERS("3\r4" UP DOWN "\r", ">>> 3\r\n3\r\n>>> 4\b3\b4\r\n4\r\n>>> "));
  // A repeated line is kept once and blank lines are not kept: the
  // second Up goes from "6" to the "4" typed before.
  ck_assert(ANSWERS("6\r6\r\r" UP UP "\r", ">>> 6\r\n6\r\n>>> 6\r\n6\r\n>>> \r\n>>> 6\b4\r\n4\r\n>>> "));
}
END_TEST

START_TEST(history_empty) {
  // Up with no history does nothing; neither does Down.
  ck_assert(ANSWERS(UP DOWN "5\r", ">>> 5\r\n5\r\n>>> "));
}
END_TEST

START_TEST(history_keeps_eight) {
  // Ten lines typed: Up nine times stops at the eighth newest ("3").
  ck_assert(ANSWERS("1\r2\r3\r4\r5\r6\r7\r8\r9\r10\r" UP UP UP UP UP UP UP UP UP "\r",
                    ">>> 1\r\n1\r\n>>> 2\r\n2\r\n>>> 3\r\n3\r\n>>> 4\r\n4\r\n>>> 5\r\n5\r\n"
                    ">>> 6\r\n6\r\n>>> 7\r\n7\r\n>>> 8\r\n8\r\n>>> 9\r\n9\r\n>>> 10\r\n10\r\n"
                    ">>> 10\b\b9 \b\b8\b7\b6\b5\b4\b3\r\n3\r\n>>> "));
}
END_TEST

START_TEST(history_ctrl_p_ctrl_n) {
  ck_assert(ANSWERS("1\r2\r\x10\x10\x0e\r", ">>> 1\r\n1\r\n>>> 2\r\n2\r\n>>> 2\b1\b2\r\n2\r\n>>> "));
}
END_TEST

START_TEST(tab_completes_a_global) {
  ck_assert(ANSWERS("xyzzy = 5\rxy\t\r", ">>> xyzzy = 5\r\n>>> xyzzy\r\n5\r\n>>> "));
  // In the middle of a line: the tail is redrawn after the completion.
  ck_assert(
      ANSWERS("xyzzy = 5\rxy+1" LEFT LEFT "\t\r", ">>> xyzzy = 5\r\n>>> xy+1\b\bzzy+1\b\b+1\r\n6\r\n>>> "));
}
END_TEST

START_TEST(tab_completes_a_builtin) {
  ck_assert(ANSWERS("isinst\t(1, int)\r", ">>> isinstance(1, int)\r\nTrue\r\n>>> "));
}
END_TEST

START_TEST(tab_completes_after_a_dot) {
  // One match completes inline.
  ck_assert(ANSWERS("import gc\rgc.coll\t()\r", ">>> import gc\r\n>>> gc.collect()\r\n>>> "));
  // Several with a longer common prefix: the common part is inserted.
  ck_assert(ANSWERS("import gc\rgc.m\t\x03", ">>> import gc\r\n>>> gc.mem_\r\n>>> "));
}
END_TEST

START_TEST(tab_lists_several_candidates) {
  // No longer common prefix: the names, then the prompt and the line again.
  ck_assert(ANSWERS("import gc\rgc.mem_\t\x03", ">>> import gc\r\n>>> gc.mem_\r\n"
                                                "mem_alloc       mem_free\r\n"
                                                ">>> gc.mem_\r\n>>> "));
  // The cursor goes back where it was when the line has a tail.
  ck_assert(ANSWERS("import gc\rgc.mem_()" LEFT LEFT "\t\x03", ">>> import gc\r\n>>> gc.mem_()\b\b\r\n"
                                                               "mem_alloc       mem_free\r\n"
                                                               ">>> gc.mem_()\b\b\r\n>>> "));
}
END_TEST

START_TEST(tab_lists_wrap_at_64_columns) {
  // Five 12-character names: four 16-column slots fit on a line.
  ck_assert(ANSWERS("qq_aaaaaaaa1=qq_aaaaaaaa2=qq_aaaaaaaa3=qq_aaaaaaaa4=qq_aaaaaaaa5=0\rqq_\t\x03",
                    ">>> qq_aaaaaaaa1=qq_aaaaaaaa2=qq_aaaaaaaa3=qq_aaaaaaaa4=qq_aaaaaaaa5=0\r\n"
                    ">>> qq_aaaaaaaa\r\n>>> "));
  ck_assert(ANSWERS("qq_aaaaaaaa1=qq_aaaaaaaa2=qq_aaaaaaaa3=qq_aaaaaaaa4=qq_aaaaaaaa5=0\rqq_aaaaaaaa\t\x03",
                    ">>> qq_aaaaaaaa1=qq_aaaaaaaa2=qq_aaaaaaaa3=qq_aaaaaaaa4=qq_aaaaaaaa5=0\r\n"
                    ">>> qq_aaaaaaaa\r\n"
                    "qq_aaaaaaaa1    qq_aaaaaaaa2    qq_aaaaaaaa3    qq_aaaaaaaa4\r\n"
                    "qq_aaaaaaaa5\r\n"
                    ">>> qq_aaaaaaaa\r\n>>> "));
}
END_TEST

START_TEST(tab_without_match_or_after_space) {
  // Nothing matches: nothing happens.
  ck_assert(ANSWERS("1 or zq\t\x03", ">>> 1 or zq\r\n>>> "));
  // After a space (or at the start) Tab inserts 4 spaces.
  ck_assert(ANSWERS("1 + \t1\r", ">>> 1 +     1\r\n2\r\n>>> "));
  // "imp" completes to "import ".
  ck_assert(ANSWERS("imp\tgc\r", ">>> import gc\r\n>>> "));
  // An unknown object before the dot: nothing happens.
  ck_assert(ANSWERS("nosuch.a\t\x03", ">>> nosuch.a\r\n>>> "));
}
END_TEST

START_TEST(underscore_holds_last_result) {
  ck_assert(
      ANSWERS("6*7\rNone\r_\r_+1\r", ">>> 6*7\r\n42\r\n>>> None\r\n>>> _\r\n42\r\n>>> _+1\r\n43\r\n>>> "));
}
END_TEST

START_TEST(auto_indent_nested) {
  // Each ':' adds 4 spaces; a continuation keeps its indent; Ctrl-D on an
  // untouched line runs the block.
  ck_assert(
      ANSWERS("if 1:\rif 1:\rx = 3\rprint(x)\r\x04",
              ">>> if 1:\r\n...     if 1:\r\n...         x = 3\r\n...         print(x)\r\n...         \r\n"
              "3\r\n>>> "));
  // Backspace over the indent removes 4 spaces at a time.
  ck_assert(ANSWERS("if 1:\rif 0:\rpass\r\x7fprint(2)\r\r\r\r",
                    ">>> if 1:\r\n...     if 0:\r\n...         pass\r\n"
                    "...         \b\b\b\b    \b\b\b\bprint(2)\r\n"
                    "...     \r\n...     \r\n... \r\n2\r\n>>> "));
}
END_TEST

START_TEST(ctrl_c_cancels_an_edited_line) {
  ck_assert(ANSWERS("1/0" LEFT "\x03"
                    "2\r",
                    ">>> 1/0\b\r\n>>> 2\r\n2\r\n>>> "));
}
END_TEST

START_TEST(unknown_escape_is_ignored) {
  ck_assert(ANSWERS("1\x1b[5~\x1b[Z2\r", ">>> 12\r\n12\r\n>>> "));
}
END_TEST

int main(void) {
  Suite *s = suite_create("readline");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, insert_in_the_middle);
  tcase_add_test(tc, negative_control_wrong_echo_fails);
  tcase_add_test(tc, right_moves_by_echoing);
  tcase_add_test(tc, home_and_end_sequences);
  tcase_add_test(tc, long_moves_use_csi);
  tcase_add_test(tc, backspace_and_delete);
  tcase_add_test(tc, kill_to_end_and_to_start);
  tcase_add_test(tc, utf8_characters_move_and_erase_whole);
  tcase_add_test(tc, kill_word);
  tcase_add_test(tc, history_recall_exact);
  tcase_add_test(tc, history_empty);
  tcase_add_test(tc, history_keeps_eight);
  tcase_add_test(tc, history_ctrl_p_ctrl_n);
  tcase_add_test(tc, tab_completes_a_global);
  tcase_add_test(tc, tab_completes_a_builtin);
  tcase_add_test(tc, tab_completes_after_a_dot);
  tcase_add_test(tc, tab_lists_several_candidates);
  tcase_add_test(tc, tab_lists_wrap_at_64_columns);
  tcase_add_test(tc, tab_without_match_or_after_space);
  tcase_add_test(tc, underscore_holds_last_result);
  tcase_add_test(tc, auto_indent_nested);
  tcase_add_test(tc, ctrl_c_cancels_an_edited_line);
  tcase_add_test(tc, unknown_escape_is_ignored);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}
