// SPDX-License-Identifier: MIT
// The virtual cycle clock: conversions, skew, costs, the event queue,
// CCOUNT wrap and the interrupt-load fault.
#include <check.h>
#include <stdlib.h>

#include "sim_clock.h"

static sim_clock_t *c;

static void setup(void) {
  c = sim_clock_new(80000000);
}
static void teardown(void) {
  sim_clock_free(c);
}

START_TEST(converts_cycles_and_ns) {
  ck_assert_uint_eq(sim_clock_ns(c, 80), 1000);
  ck_assert_uint_eq(sim_clock_ns(c, 1), 13); // 12.5 rounds up
  ck_assert_uint_eq(sim_clock_cycles_for_ns(c, 1000), 80);
  ck_assert_uint_eq(sim_clock_cycles_for_ns(c, 1001), 81); // at least as long
  sim_clock_set_cpu_hz(c, 160000000);
  ck_assert_uint_eq(sim_clock_ns(c, 160), 1000);
  ck_assert_uint_eq(sim_clock_cycles_for_ns(c, 50000), 8000);
}
END_TEST

START_TEST(skew_stretches_every_cycle) {
  sim_clock_set_skew_ppm(c, 100000); // slow clock: +10 %
  ck_assert_uint_eq(sim_clock_ns(c, 80), 1100);
  ck_assert_uint_eq(sim_clock_cycles_for_ns(c, 1100), 80);
  sim_clock_advance(c, 800);
  ck_assert_uint_eq(sim_clock_now_ns(c), 11000);
}
END_TEST

START_TEST(frequency_change_keeps_real_time_continuous) {
  sim_clock_advance(c, 80); // 1 us at 80 MHz
  sim_clock_set_cpu_hz(c, 160000000);
  sim_clock_advance(c, 160); // 1 us at 160 MHz
  ck_assert_uint_eq(sim_clock_now(c), 240);
  ck_assert_uint_eq(sim_clock_now_ns(c), 2000);
}
END_TEST

START_TEST(runs_until_a_real_time) {
  sim_clock_set_skew_ppm(c, 250000); // a cycle lasts 15.625 ns
  sim_clock_run_until_ns(c, 1000);
  ck_assert_uint_eq(sim_clock_now(c), 64);
  sim_clock_run_until_ns(c, 500); // the past: nothing
  ck_assert_uint_eq(sim_clock_now(c), 64);
}
END_TEST

START_TEST(spend_charges_the_op_costs) {
  sim_clock_spend(c, SIM_OP_CYCLES);
  sim_clock_spend(c, SIM_OP_PIN_WRITE);
  ck_assert_uint_eq(sim_clock_now(c), 4 + 6);
  sim_clock_set_cost(c, SIM_OP_PIN_WRITE, 0);
  sim_clock_spend(c, SIM_OP_PIN_WRITE);
  ck_assert_uint_eq(sim_clock_now(c), 10);
}
END_TEST

START_TEST(ccount_wraps_at_2_32) {
  sim_clock_set_ccount_offset(c, 0xFFFFFFF0u);
  ck_assert_uint_eq(sim_clock_ccount(c), 0xFFFFFFF0u);
  sim_clock_advance(c, 0x20);
  ck_assert_uint_eq(sim_clock_ccount(c), 0x10);
  ck_assert_uint_eq(sim_clock_now(c), 0x20); // the 64-bit time does not wrap
}
END_TEST

static uint64_t fired_at[8];
static intptr_t fired_arg[8];
static int n_fired;

static void record(void *ctx, uint64_t when, intptr_t arg) {
  ck_assert_uint_eq(when, sim_clock_now(ctx));
  fired_at[n_fired] = when;
  fired_arg[n_fired++] = arg;
}

START_TEST(events_fire_in_time_then_schedule_order) {
  n_fired = 0;
  sim_clock_schedule(c, 300, record, c, 3);
  sim_clock_schedule(c, 100, record, c, 1);
  sim_clock_schedule(c, 300, record, c, 4); // same cycle: after arg 3
  uint32_t gone = sim_clock_schedule(c, 200, record, c, 2);
  sim_clock_cancel(c, gone);
  ck_assert_int_eq(sim_clock_pending(c), 3);
  ck_assert_uint_eq(sim_clock_next_event(c), 100);
  sim_clock_advance(c, 250);
  ck_assert_int_eq(n_fired, 1);
  ck_assert_uint_eq(sim_clock_now(c), 250);
  sim_clock_run_until(c, 1000);
  ck_assert_int_eq(n_fired, 3);
  ck_assert_uint_eq(fired_at[0], 100);
  ck_assert_uint_eq(fired_at[1], 300);
  ck_assert_int_eq(fired_arg[1], 3);
  ck_assert_int_eq(fired_arg[2], 4);
  ck_assert_uint_eq(sim_clock_next_event(c), UINT64_MAX);
}
END_TEST

START_TEST(past_events_fire_at_the_next_advance) {
  n_fired = 0;
  sim_clock_advance(c, 500);
  sim_clock_schedule(c, 10, record, c, 0);
  sim_clock_advance(c, 0);
  ck_assert_int_eq(n_fired, 1);
  ck_assert_uint_eq(fired_at[0], 500);
}
END_TEST

START_TEST(cancel_by_context) {
  n_fired = 0;
  int other;
  sim_clock_schedule(c, 10, record, c, 0);
  sim_clock_schedule(c, 20, record, &other, 0);
  sim_clock_cancel_ctx(c, &other);
  sim_clock_advance(c, 100);
  ck_assert_int_eq(n_fired, 1);
}
END_TEST

START_TEST(irq_load_steals_cycles_only_when_unmasked) {
  sim_clock_set_irq_load(c, 1000, 300);
  for (int i = 0; i < 250; i++)
    sim_clock_spend(c, SIM_OP_CYCLES);       // 1000 cycles
  ck_assert_uint_eq(sim_clock_now(c), 1300); // one handler ran
  sim_clock_irq_mask(c, true);
  uint64_t t = sim_clock_now(c);
  for (int i = 0; i < 1000; i++)
    sim_clock_spend(c, SIM_OP_CYCLES);
  ck_assert_uint_eq(sim_clock_now(c), t + 4000);
  ck_assert(sim_clock_irq_mask(c, false));
  sim_clock_spend(c, SIM_OP_CYCLES); // the pending one runs once
  ck_assert_uint_eq(sim_clock_now(c), t + 4000 + 4 + 300);
}
END_TEST

int main(void) {
  Suite *s = suite_create("sim_clock");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, converts_cycles_and_ns);
  tcase_add_test(tc, skew_stretches_every_cycle);
  tcase_add_test(tc, frequency_change_keeps_real_time_continuous);
  tcase_add_test(tc, runs_until_a_real_time);
  tcase_add_test(tc, spend_charges_the_op_costs);
  tcase_add_test(tc, ccount_wraps_at_2_32);
  tcase_add_test(tc, events_fire_in_time_then_schedule_order);
  tcase_add_test(tc, past_events_fire_at_the_next_advance);
  tcase_add_test(tc, cancel_by_context);
  tcase_add_test(tc, irq_load_steals_cycles_only_when_unmasked);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
