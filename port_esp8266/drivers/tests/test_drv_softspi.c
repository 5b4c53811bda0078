// SPDX-License-Identifier: MIT
// drv_softspi on the virtual pins: a wire from MOSI to MISO reads back
// what was sent in every mode and bit order; SCK idles at the polarity,
// makes 16 edges a byte and keeps its half period at 80 and 160 MHz.
// Negative control: without the wire, MISO does not echo.
#include <check.h>

#include "dev_wire.h"
#include "drv_softspi.h"
#include "sim_board.h"

enum { SCK = 14, MOSI = 13, MISO = 12 };

static const uint8_t pattern[4] = {0x3c, 0xc3, 0x01, 0x80};

static void teardown(void) {
  board_down();
}

START_TEST(loopback_every_mode) {
  board_up(80000000);
  ck_assert_int_eq(dev_wire_connect(pins, MOSI, MISO), 0);
  for (int mode = 0; mode < 8; mode++) {
    drv_softspi_t spi;
    ck_assert_int_eq(drv_softspi_init(&spi, SCK, MOSI, MISO, 1000000, mode & 1, mode >> 1 & 1, mode >> 2), 0);
    ck_assert_int_eq(sim_pins_read(pins, SCK), mode & 1);
    uint8_t in[4] = {0};
    drv_softspi_transfer(&spi, pattern, 0, in, sizeof in);
    ck_assert_mem_eq(in, pattern, sizeof pattern);
    ck_assert_int_eq(sim_pins_read(pins, SCK), mode & 1); // back at idle
  }
  teardown();
}
END_TEST

START_TEST(no_wire_no_echo) {
  board_up(80000000);
  drv_softspi_t spi;
  ck_assert_int_eq(drv_softspi_init(&spi, SCK, MOSI, MISO, 1000000, 0, 0, false), 0);
  uint8_t in[4] = {0};
  drv_softspi_transfer(&spi, pattern, 0, in, sizeof in);
  ck_assert(memcmp(in, pattern, sizeof pattern) != 0);
  teardown();
}
END_TEST

// SCK's edges for one byte: 16, each half period 500 ns at 1 MHz (within
// the cost of one wait-loop turn and a pin write).
static void check_clock(uint32_t hz) {
  board_up(hz);
  drv_softspi_t spi;
  ck_assert_int_eq(drv_softspi_init(&spi, SCK, MOSI, MISO, 1000000, 0, 0, false), 0);
  sim_pins_clear_history(pins, SCK);
  drv_softspi_transfer(&spi, pattern, 0, NULL, 1);
  ck_assert_uint_eq(sim_pins_edge_count(pins, SCK), 16);
  for (size_t i = 1; i < 16; i++) {
    uint64_t ns = edge_ns(SCK, i - 1, i);
    ck_assert_msg(ns >= 480 && ns <= 520, "half period %zu: %llu ns at %u Hz", i, (unsigned long long)ns, hz);
  }
  FIGURE("SCK half period at %u MHz: %llu ns", hz / 1000000, (unsigned long long)edge_ns(SCK, 0, 1));
  teardown();
}

START_TEST(clock_rate_80_and_160) {
  check_clock(80000000);
  check_clock(160000000);
}
END_TEST

START_TEST(bad_settings_refused) {
  board_up(80000000);
  drv_softspi_t spi;
  ck_assert_int_lt(drv_softspi_init(&spi, SCK, MOSI, MISO, 0, 0, 0, false), 0);
  ck_assert_int_lt(drv_softspi_init(&spi, SCK, MOSI, MISO, 1000000, 2, 0, false), 0);
  ck_assert_int_lt(drv_softspi_init(&spi, 7, MOSI, MISO, 1000000, 0, 0, false), 0);
  teardown();
}
END_TEST

int main(void) {
  Suite *s = suite_create("drv_softspi");
  TCase *tc = tcase_create("softspi");
  tcase_add_test(tc, loopback_every_mode);
  tcase_add_test(tc, no_wire_no_echo);
  tcase_add_test(tc, clock_rate_80_and_160);
  tcase_add_test(tc, bad_settings_refused);
  suite_add_tcase(s, tc);
  SRunner *r = srunner_create(s);
  srunner_run_all(r, CK_NORMAL);
  int failed = srunner_ntests_failed(r);
  srunner_free(r);
  return failed ? 1 : 0;
}
