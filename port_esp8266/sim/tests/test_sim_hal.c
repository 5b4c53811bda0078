// SPDX-License-Identifier: MIT
// board_hal.h's pin section on the simulator: what each call costs, how
// modes map onto the pins, the flash pins, interrupt-mask nesting.
#include <check.h>
#include <stdlib.h>

#include "board_hal.h"
#include "sim_hal.h"

static sim_clock_t *c;
static sim_pins_t *p;

static void setup(void) {
  c = sim_clock_new(160000000);
  p = sim_pins_new(c);
  sim_hal_bind(c, p);
}
static void teardown(void) {
  sim_hal_bind(NULL, NULL);
  sim_pins_free(p);
  sim_clock_free(c);
}

START_TEST(every_call_costs_its_cycles) {
  ck_assert_uint_eq(board_cpu_hz(), 160000000);
  uint32_t t0 = board_cycles();
  uint32_t t1 = board_cycles();
  ck_assert_uint_eq(t1 - t0, 4);
  board_pin_mode(4, BOARD_PIN_OUTPUT);
  board_pin_write(4, 1);
  ck_assert_uint_eq(sim_clock_now(c), 8 + 20 + 6);
  ck_assert_uint_eq(sim_pins_edge(p, 4, 0)->cycle, 34); // the edge ends the write
  ck_assert_int_eq(board_pin_read(4), 1);
  ck_assert_uint_eq(sim_clock_now(c), 40);
}
END_TEST

START_TEST(modes_map_onto_the_pins) {
  ck_assert_int_eq(board_pin_mode(5, BOARD_PIN_OPEN_DRAIN_PULLUP), 0);
  board_pin_write(5, 1);
  ck_assert_int_eq(board_pin_read(5), 1);
  board_pin_write(5, 0);
  ck_assert_int_eq(board_pin_read(5), 0);
  ck_assert_int_eq(board_pin_mode(5, BOARD_PIN_OPEN_DRAIN), 0);
  board_pin_write(5, 1);
  ck_assert_int_eq(board_pin_read(5), 0); // nothing pulls it up
  ck_assert_int_eq(board_pin_mode(5, BOARD_PIN_INPUT_PULLUP), 0);
  ck_assert_int_eq(board_pin_read(5), 1);
  ck_assert_int_eq(board_pin_mode(16, BOARD_PIN_INPUT), 0);
  ck_assert_int_eq(board_pin_mode(5, 99), -1);
}
END_TEST

START_TEST(flash_pins_and_bad_pins_are_refused) {
  for (int pin = 6; pin <= 11; pin++)
    ck_assert_int_eq(board_pin_mode(pin, BOARD_PIN_OUTPUT), -1);
  ck_assert_int_eq(board_pin_mode(-1, BOARD_PIN_OUTPUT), -1);
  ck_assert_int_eq(board_pin_mode(BOARD_PIN_COUNT, BOARD_PIN_OUTPUT), -1);
}
END_TEST

START_TEST(interrupt_masks_nest) {
  uint32_t outer = board_irq_disable();
  uint32_t inner = board_irq_disable();
  ck_assert(sim_clock_irq_masked(c));
  board_irq_restore(inner);
  ck_assert(sim_clock_irq_masked(c));
  board_irq_restore(outer);
  ck_assert(!sim_clock_irq_masked(c));
}
END_TEST

START_TEST(unbound_does_nothing) {
  sim_hal_bind(NULL, NULL);
  ck_assert_uint_eq(board_cycles(), 0);
  ck_assert_int_eq(board_pin_mode(4, BOARD_PIN_OUTPUT), -1);
  board_pin_write(4, 1);
  ck_assert_int_eq(board_pin_read(4), 0);
  ck_assert_uint_eq(sim_clock_now(c), 0);
}
END_TEST

int main(void) {
  Suite *s = suite_create("sim_hal");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, every_call_costs_its_cycles);
  tcase_add_test(tc, modes_map_onto_the_pins);
  tcase_add_test(tc, flash_pins_and_bad_pins_are_refused);
  tcase_add_test(tc, interrupt_masks_nest);
  tcase_add_test(tc, unbound_does_nothing);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
