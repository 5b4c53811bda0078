// SPDX-License-Identifier: MIT
// The virtual pins: wired-AND resolution, edge history, listeners and
// their ordering, timed pull windows, wires between pins.
#include <check.h>
#include <stdlib.h>

#include "dev_wire.h"
#include "sim_pins.h"

static sim_clock_t *c;
static sim_pins_t *p;

static void setup(void) {
  c = sim_clock_new(80000000);
  p = sim_pins_new(c);
}
static void teardown(void) {
  sim_pins_free(p);
  sim_clock_free(c);
}

START_TEST(resolves_as_a_wired_and) {
  ck_assert_int_eq(sim_pins_read(p, 4), 0); // floating input reads 0
  sim_pins_mode(p, 4, SIM_PIN_INPUT, true);
  ck_assert_int_eq(sim_pins_read(p, 4), 1); // internal pull-up
  sim_pins_mode(p, 4, SIM_PIN_OPEN_DRAIN, false);
  sim_pins_write(p, 4, 1);
  ck_assert_int_eq(sim_pins_read(p, 4), 0); // released, nothing pulls up
  sim_pins_set_bus_pullup(p, 4, true);
  ck_assert_int_eq(sim_pins_read(p, 4), 1);
  sim_pins_pull_low(p, 4, true); // a device
  sim_pins_pull_low(p, 4, true); // and another
  ck_assert_int_eq(sim_pins_read(p, 4), 0);
  sim_pins_pull_low(p, 4, false);
  ck_assert_int_eq(sim_pins_read(p, 4), 0); // one still pulls
  sim_pins_pull_low(p, 4, false);
  ck_assert_int_eq(sim_pins_read(p, 4), 1);
  sim_pins_write(p, 4, 0);
  ck_assert_int_eq(sim_pins_read(p, 4), 0);
  ck_assert_int_eq(sim_pins_mode(p, 17, SIM_PIN_OUTPUT, false), -1);
}
END_TEST

START_TEST(push_pull_high_against_a_low_is_a_short) {
  sim_pins_mode(p, 5, SIM_PIN_OUTPUT, false);
  sim_pins_write(p, 5, 1);
  ck_assert_int_eq(sim_pins_read(p, 5), 1);
  ck_assert_uint_eq(sim_pins_contentions(p), 0);
  sim_pins_pull_low(p, 5, true);
  ck_assert_int_eq(sim_pins_read(p, 5), 0);
  ck_assert_uint_eq(sim_pins_contentions(p), 1);
}
END_TEST

START_TEST(records_every_edge_with_its_cycle) {
  sim_pins_mode(p, 2, SIM_PIN_OUTPUT, false);
  sim_clock_advance(c, 100);
  sim_pins_write(p, 2, 1);
  sim_pins_write(p, 2, 1); // no change, no edge
  sim_clock_advance(c, 32);
  sim_pins_write(p, 2, 0);
  ck_assert_uint_eq(sim_pins_edge_count(p, 2), 2);
  ck_assert_uint_eq(sim_pins_edge(p, 2, 0)->cycle, 100);
  ck_assert_uint_eq(sim_pins_edge(p, 2, 0)->level, 1);
  ck_assert_uint_eq(sim_pins_edge(p, 2, 1)->cycle, 132);
  ck_assert_uint_eq(sim_pins_edge(p, 2, 1)->level, 0);
  ck_assert_ptr_null(sim_pins_edge(p, 2, 2));
}
END_TEST

START_TEST(history_is_a_bounded_ring) {
  ck_assert_int_eq(sim_pins_set_history(p, 4), 0);
  sim_pins_mode(p, 2, SIM_PIN_OUTPUT, false);
  for (int i = 1; i <= 10; i++) {
    sim_clock_advance(c, 10);
    sim_pins_write(p, 2, i & 1);
  }
  ck_assert_uint_eq(sim_pins_edge_total(p, 2), 10);
  ck_assert_uint_eq(sim_pins_edge_count(p, 2), 4);
  ck_assert_uint_eq(sim_pins_edge(p, 2, 0)->cycle, 70); // oldest held
  ck_assert_uint_eq(sim_pins_edge(p, 2, 3)->cycle, 100);
  sim_pins_clear_history(p, 2);
  ck_assert_uint_eq(sim_pins_edge_count(p, 2), 0);
}
END_TEST

// A listener that logs edges and, on the first fall of pin 4, pulls pin
// 5 low from inside the callback.
static int log_pin[16], log_level[16], n_log;
static void logger(void *ctx, int pin, int level, uint64_t cycle) {
  (void)cycle;
  log_pin[n_log] = pin;
  log_level[n_log++] = level;
  if (ctx && pin == 4 && level == 0) sim_pins_pull_low(p, 5, true);
}

START_TEST(listeners_see_edges_in_order_even_when_nested) {
  n_log = 0;
  int tag;
  sim_pins_set_bus_pullup(p, 4, true);
  sim_pins_set_bus_pullup(p, 5, true);
  ck_assert_int_eq(sim_pins_listen(p, 4, logger, &tag), 0);
  ck_assert_int_eq(sim_pins_listen(p, 4, logger, NULL), 0);
  ck_assert_int_eq(sim_pins_listen(p, 5, logger, NULL), 0);
  sim_pins_pull_low(p, 4, true);
  // Both listeners of pin 4 hear its fall before pin 5's nested fall.
  ck_assert_int_eq(n_log, 3);
  ck_assert_int_eq(log_pin[0], 4);
  ck_assert_int_eq(log_pin[1], 4);
  ck_assert_int_eq(log_pin[2], 5);
  sim_pins_unlisten(p, &tag);
  sim_pins_unlisten(p, NULL);
  sim_pins_pull_low(p, 4, false);
  ck_assert_int_eq(n_log, 3);
}
END_TEST

START_TEST(pull_window_makes_timed_edges) {
  sim_pins_set_bus_pullup(p, 3, true);
  ck_assert_int_eq(sim_pins_pull_low_window(p, 3, 1000, 500), 0); // 1.0 to 1.5 us
  sim_clock_advance(c, 79);
  ck_assert_int_eq(sim_pins_read(p, 3), 1);
  sim_clock_advance(c, 1);
  ck_assert_int_eq(sim_pins_read(p, 3), 0);
  sim_clock_run_until(c, 200);
  ck_assert_int_eq(sim_pins_read(p, 3), 1);
  // Edge 0 is the pull-up raising the floating line at cycle 0.
  ck_assert_uint_eq(sim_pins_edge(p, 3, 0)->cycle, 0);
  ck_assert_uint_eq(sim_pins_edge(p, 3, 1)->cycle, 80);
  ck_assert_uint_eq(sim_pins_edge(p, 3, 2)->cycle, 120);
}
END_TEST

START_TEST(a_wire_joins_two_pins) {
  sim_pins_mode(p, 12, SIM_PIN_OUTPUT, false);
  sim_pins_write(p, 12, 1);
  sim_pins_mode(p, 13, SIM_PIN_INPUT, false);
  ck_assert_int_eq(sim_pins_read(p, 13), 0);
  ck_assert_int_eq(dev_wire_connect(p, 12, 13), 0);
  // Joining is itself an edge on the pin whose level changed.
  ck_assert_int_eq(sim_pins_read(p, 13), 1);
  ck_assert_uint_eq(sim_pins_edge_count(p, 13), 1);
  ck_assert_uint_eq(sim_pins_edge_count(p, 12), 1); // 12's own rise
  sim_clock_advance(c, 50);
  sim_pins_write(p, 12, 0);
  ck_assert_int_eq(sim_pins_read(p, 13), 0);
  ck_assert_uint_eq(sim_pins_edge(p, 13, 1)->cycle, 50);
  // Two outputs fighting: a short, read as 0.
  sim_pins_mode(p, 13, SIM_PIN_OUTPUT, false);
  sim_pins_write(p, 12, 1);
  ck_assert_int_eq(sim_pins_read(p, 12), 0);
  ck_assert_uint_gt(sim_pins_contentions(p), 0);
  ck_assert_int_eq(dev_wire_connect(p, 12, 12), -1);
  ck_assert_int_eq(dev_wire_connect(p, 12, 20), -1);
}
END_TEST

START_TEST(open_drain_loopback_with_pullup_on_either_end) {
  dev_wire_connect(p, 14, 15);
  sim_pins_mode(p, 14, SIM_PIN_OPEN_DRAIN, false);
  sim_pins_mode(p, 15, SIM_PIN_INPUT, true);
  sim_pins_write(p, 14, 1);
  ck_assert_int_eq(sim_pins_read(p, 14), 1);
  sim_pins_write(p, 14, 0);
  ck_assert_int_eq(sim_pins_read(p, 15), 0);
  ck_assert_uint_eq(sim_pins_contentions(p), 0);
}
END_TEST

int main(void) {
  Suite *s = suite_create("sim_pins");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, resolves_as_a_wired_and);
  tcase_add_test(tc, push_pull_high_against_a_low_is_a_short);
  tcase_add_test(tc, records_every_edge_with_its_cycle);
  tcase_add_test(tc, history_is_a_bounded_ring);
  tcase_add_test(tc, listeners_see_edges_in_order_even_when_nested);
  tcase_add_test(tc, pull_window_makes_timed_edges);
  tcase_add_test(tc, a_wire_joins_two_pins);
  tcase_add_test(tc, open_drain_loopback_with_pullup_on_either_end);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
