// SPDX-License-Identifier: MIT
// drv_softuart on the virtual pins: 0x55 at 115200 baud is ten levels
// (start, 1 0 1 0 1 0 1 0, stop), each edge at its bit boundary (8680.6 ns
// apart) at 80 and 160 MHz; a string keeps the rate. Negative control: a
// clock 3 % slow puts the edges outside the check's tolerance.
#include <check.h>
#include <stdbool.h>

#include "drv_softuart.h"
#include "sim_board.h"

enum { TX = 2 };

static void teardown(void) {
  board_down();
}

// True when every edge of TX since the first lies within 1 % of a bit on
// its bit boundary at [baud] (edge k of a byte of alternating bits comes
// k bits after the start bit's edge).
static bool edges_on_boundaries(uint32_t baud, size_t expect) {
  if (sim_pins_edge_count(pins, TX) != expect) return false;
  double bit = 1e9 / baud;
  for (size_t k = 1; k < expect; k++) {
    double at = (double)edge_ns(TX, 0, k), want = (double)k * bit;
    if (at < want - bit / 100 || at > want + bit / 100) return false;
  }
  return true;
}

static void send_0x55(uint32_t hz, int32_t skew_ppm) {
  board_up(hz);
  sim_clock_set_skew_ppm(clk, skew_ppm);
  ck_assert_int_eq(drv_softuart_init(TX, 115200), 0);
  ck_assert_int_eq(sim_pins_read(pins, TX), 1);
  sim_pins_clear_history(pins, TX);
  static const uint8_t b = 0x55;
  drv_softuart_write(TX, 115200, &b, 1);
}

START_TEST(byte_on_its_bit_boundaries) {
  uint32_t rates[2] = {80000000, 160000000};
  for (int i = 0; i < 2; i++) {
    send_0x55(rates[i], 0);
    ck_assert_msg(edges_on_boundaries(115200, 10), "at %u Hz", rates[i]);
    ck_assert_int_eq(sim_pins_read(pins, TX), 1); // the stop bit leaves it idle
    FIGURE("bit at %u MHz: %llu ns", rates[i] / 1000000, (unsigned long long)edge_ns(TX, 0, 1));
    teardown();
  }
}
END_TEST

START_TEST(slow_clock_is_caught) {
  send_0x55(80000000, 30000);
  ck_assert(!edges_on_boundaries(115200, 10));
  teardown();
}
END_TEST

START_TEST(a_string_keeps_the_rate) {
  board_up(80000000);
  ck_assert_int_eq(drv_softuart_init(TX, 9600), 0);
  sim_pins_clear_history(pins, TX);
  static const uint8_t text[3] = {0x55, 0x55, 0x55};
  drv_softuart_write(TX, 9600, text, sizeof text);
  // 30 bit times from the first start bit to the end of the last stop bit;
  // the last edge (the third byte's stop bit rising) comes after 29.
  size_t n = sim_pins_edge_count(pins, TX);
  ck_assert_uint_eq(n, 30);
  double got = (double)edge_ns(TX, 0, n - 1), want = 29 * 1e9 / 9600;
  ck_assert_msg(got > want - 200 && got < want + 200, "%.0f ns, want %.0f", got, want);
  teardown();
}
END_TEST

int main(void) {
  Suite *s = suite_create("drv_softuart");
  TCase *tc = tcase_create("softuart");
  tcase_add_test(tc, byte_on_its_bit_boundaries);
  tcase_add_test(tc, slow_clock_is_caught);
  tcase_add_test(tc, a_string_keeps_the_rate);
  suite_add_tcase(s, tc);
  SRunner *r = srunner_create(s);
  srunner_run_all(r, CK_NORMAL);
  int failed = srunner_ntests_failed(r);
  srunner_free(r);
  return failed ? 1 : 0;
}
