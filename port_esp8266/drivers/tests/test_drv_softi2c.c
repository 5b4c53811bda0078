// SPDX-License-Identifier: MIT
// drv_softi2c against 24C32 models: scan, page writes with ACK polling,
// register reads with a repeated START, the clock rate it really runs at,
// clock stretching and its timeout; too fast a clock is refused.
#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dev_eeprom24c32.h"
#include "drv_softi2c.h"
#include "sim_board.h"

#define SCL 5
#define SDA 4

static dev_eeprom24c32_t *rom0, *rom7;
static drv_softi2c_t bus;

static void bus_up(uint32_t cpu_hz, uint32_t freq) {
  board_up(cpu_hz);
  rom0 = dev_eeprom24c32_new(pins, SCL, SDA, 0);
  rom7 = dev_eeprom24c32_new(pins, SCL, SDA, 7);
  ck_assert_int_eq(drv_softi2c_init(&bus, SCL, SDA, freq, 50000), 0);
}

static void teardown(void) {
  dev_eeprom24c32_free(rom0);
  dev_eeprom24c32_free(rom7);
  board_down();
}

static uint32_t device_errors(void) {
  return dev_eeprom24c32_stats(rom0)->timing_errors + dev_eeprom24c32_stats(rom7)->timing_errors;
}

// SCL frequency inside bytes: the median period between rising edges
// recorded since [from] (STOP/START gaps and polls fall above it).
static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}
static double scl_hz(size_t from) {
  static uint64_t periods[SIM_PIN_HISTORY];
  size_t n = sim_pins_edge_count(pins, SCL), k = 0, prev = SIZE_MAX;
  for (size_t i = from; i < n; i++) {
    if (!sim_pins_edge(pins, SCL, i)->level) continue;
    if (prev != SIZE_MAX) periods[k++] = edge_ns(SCL, prev, i);
    prev = i;
  }
  qsort(periods, k, sizeof periods[0], cmp_u64);
  return 1e9 / (double)periods[k / 2];
}

// Shortest SCL low and high phases recorded since [from], in ns.
static void scl_phases(size_t from, uint64_t *low, uint64_t *high) {
  *low = *high = UINT64_MAX;
  size_t n = sim_pins_edge_count(pins, SCL);
  for (size_t i = from + 1; i < n; i++) {
    uint64_t ns = edge_ns(SCL, i - 1, i);
    uint64_t *slot = sim_pins_edge(pins, SCL, i - 1)->level ? high : low;
    if (ns < *slot) *slot = ns;
  }
}

// Writes [len] bytes at [addr] as machine.I2C.writeto_mem(addrsize=16)
// does, then ACK-polls; returns the polls it took.
static int write_mem(uint8_t dev, uint16_t addr, const uint8_t *data, size_t len) {
  uint8_t buf[2 + 32];
  buf[0] = (uint8_t)(addr >> 8);
  buf[1] = (uint8_t)addr;
  memcpy(buf + 2, data, len);
  ck_assert_int_eq(drv_softi2c_writeto(&bus, dev, buf, 2 + len, true), (int)(2 + len));
  int polls = 0;
  while (drv_softi2c_writeto(&bus, dev, NULL, 0, true) == -ENODEV)
    polls++;
  return polls;
}

static void read_mem(uint8_t dev, uint16_t addr, uint8_t *out, size_t len) {
  const uint8_t a[2] = {(uint8_t)(addr >> 8), (uint8_t)addr};
  ck_assert_int_eq(drv_softi2c_writeto(&bus, dev, a, 2, false), 2);
  ck_assert_int_eq(drv_softi2c_readfrom(&bus, dev, out, len, true), 0);
}

START_TEST(scan_finds_both_eeproms) {
  bus_up(80000000, 400000);
  uint8_t found[16];
  ck_assert_int_eq(drv_softi2c_scan(&bus, found, 16), 2);
  ck_assert_uint_eq(found[0], 0x50);
  ck_assert_uint_eq(found[1], 0x57);
  ck_assert_uint_eq(device_errors(), 0);
}
END_TEST

START_TEST(absent_address_is_enodev) {
  bus_up(80000000, 400000);
  uint8_t b;
  ck_assert_int_eq(drv_softi2c_writeto(&bus, 0x3C, &b, 1, true), -ENODEV);
  ck_assert_int_eq(drv_softi2c_readfrom(&bus, 0x3C, &b, 1, true), -ENODEV);
}
END_TEST

// Write a page across its end, poll, read back across the array's end;
// then measure the clock. Run at each CPU and bus frequency.
static void round_trip(uint32_t cpu_hz, uint32_t freq, dev_i2c_speed_t grade) {
  bus_up(cpu_hz, freq);
  dev_eeprom24c32_set_speed(rom0, grade);
  dev_eeprom24c32_set_speed(rom7, grade);
  uint8_t data[32];
  for (int i = 0; i < 32; i++)
    data[i] = (uint8_t)(i * 7 + 1);
  sim_pins_clear_history(pins, SCL);
  uint64_t t0 = sim_clock_now_ns(clk);
  int polls = write_mem(0x57, 0x0FF0, data, 32); // wraps to 0x0FE0
  double hz = scl_hz(0);
  uint64_t t_low, t_high;
  scl_phases(0, &t_low, &t_high);
  uint64_t busy = sim_clock_now_ns(clk) - t0;
  uint8_t *m = dev_eeprom24c32_memory(rom7);
  ck_assert_mem_eq(m + 0xFF0, data, 16);
  ck_assert_mem_eq(m + 0xFE0, data + 16, 16);
  m[0x000] = 0xAB;
  uint8_t got[17];
  read_mem(0x57, 0x0FF0, got, 17); // rolls over to 0x000
  ck_assert_mem_eq(got, data, 16);
  ck_assert_uint_eq(got[16], 0xAB);
  ck_assert_uint_eq(device_errors(), 0);
  FIGURE(
      "%u MHz CPU, freq=%u: SCL %.1f kHz inside bytes, tLOW >= %llu ns, tHIGH >= %llu ns; 34-byte write + %d "
      "ACK polls in %.2f ms",
      cpu_hz / 1000000, freq, hz / 1e3, (unsigned long long)t_low, (unsigned long long)t_high, polls,
      busy / 1e6);
  ck_assert_double_le(hz, freq * 1.0);
  ck_assert_double_ge(hz, freq * 0.97);
}

START_TEST(page_write_and_read_80mhz_400khz) {
  round_trip(80000000, 400000, DEV_I2C_FAST);
}
END_TEST
START_TEST(page_write_and_read_160mhz_400khz) {
  round_trip(160000000, 400000, DEV_I2C_FAST);
}
END_TEST
// 100 kHz against devices checking the standard-mode minimums.
START_TEST(page_write_and_read_80mhz_100khz) {
  round_trip(80000000, 100000, DEV_I2C_STANDARD);
}
END_TEST

START_TEST(works_across_the_ccount_wrap) {
  board_up(160000000);
  sim_clock_set_ccount_offset(clk, 0xFFFFFFFFu - 2000);
  rom0 = dev_eeprom24c32_new(pins, SCL, SDA, 0);
  rom7 = dev_eeprom24c32_new(pins, SCL, SDA, 7);
  ck_assert_int_eq(drv_softi2c_init(&bus, SCL, SDA, 400000, 50000), 0);
  const uint8_t v[3] = {9, 8, 7};
  write_mem(0x50, 0x0100, v, 3);
  uint8_t got[3];
  read_mem(0x50, 0x0100, got, 3);
  ck_assert_mem_eq(got, v, 3);
  ck_assert_uint_eq(device_errors(), 0);
}
END_TEST

// A slave that holds SCL low for 20 us after every falling edge.
static void stretch(void *ctx, int pin, int level, uint64_t cycle) {
  (void)ctx, (void)pin, (void)cycle;
  if (!level) sim_pins_pull_low_window(pins, SCL, sim_clock_now_ns(clk), 20000);
}

START_TEST(clock_stretching_is_waited_for) {
  bus_up(80000000, 400000);
  sim_pins_listen(pins, SCL, stretch, NULL);
  const uint8_t v[2] = {0x5A, 0xA5};
  write_mem(0x50, 0x0040, v, 2);
  uint8_t got[2];
  read_mem(0x50, 0x0040, got, 2);
  ck_assert_mem_eq(got, v, 2);
  ck_assert_uint_eq(device_errors(), 0);
}
END_TEST

START_TEST(scl_held_low_times_out) {
  bus_up(80000000, 400000);
  drv_softi2c_t quick = bus;
  ck_assert_int_eq(drv_softi2c_init(&quick, SCL, SDA, 400000, 1000), 0);
  sim_pins_pull_low(pins, SCL, true); // a slave stuck in a stretch
  uint64_t t0 = sim_clock_now_ns(clk);
  uint8_t b = 0;
  ck_assert_int_eq(drv_softi2c_writeto(&quick, 0x50, &b, 1, true), -ETIMEDOUT);
  uint64_t waited = sim_clock_now_ns(clk) - t0;
  ck_assert_uint_ge(waited, 1000000);
  ck_assert_uint_lt(waited, 1010000);
  sim_pins_pull_low(pins, SCL, false);
  ck_assert_int_eq(drv_softi2c_writeto(&quick, 0x50, &b, 0, true), 0); // recovered
}
END_TEST

START_TEST(bad_arguments) {
  board_up(80000000);
  ck_assert_int_eq(drv_softi2c_init(&bus, 4, 4, 400000, 50000), -EINVAL);
  ck_assert_int_eq(drv_softi2c_init(&bus, 5, 4, 0, 50000), -EINVAL);
  ck_assert_int_eq(drv_softi2c_init(&bus, 7, 4, 400000, 50000), -EINVAL); // flash pin
  rom0 = rom7 = NULL;
}
END_TEST

// Negative control: at 1 MHz tLOW and tHIGH break fast-mode minimums, the
// EEPROMs ignore every transaction, so nothing answers.
START_TEST(too_fast_a_clock_is_refused_by_the_devices) {
  bus_up(160000000, 1000000);
  uint8_t found[16];
  ck_assert_int_eq(drv_softi2c_scan(&bus, found, 16), 0);
  ck_assert_uint_gt(dev_eeprom24c32_stats(rom0)->timing_errors, 0);
  FIGURE("1 MHz at 160 MHz CPU: the EEPROM says \"%s\"", dev_eeprom24c32_last_error(rom0));
}
END_TEST

// Negative control: a 40 % slow clock still meets the minimums (it only
// lengthens them) but a 60 % fast one breaks tLOW at 400 kHz.
START_TEST(a_fast_cpu_clock_breaks_the_bus_timing) {
  bus_up(80000000, 400000);
  sim_clock_set_skew_ppm(clk, 400000);
  uint8_t found[4];
  ck_assert_int_eq(drv_softi2c_scan(&bus, found, 4), 2);
  sim_clock_set_skew_ppm(clk, -600000);
  ck_assert_int_eq(drv_softi2c_scan(&bus, found, 4), 0);
  ck_assert_uint_gt(device_errors(), 0);
}
END_TEST

int main(void) {
  Suite *s = suite_create("drv_softi2c");
  TCase *tc = tcase_create("bus");
  tcase_set_timeout(tc, 60);
  tcase_add_checked_fixture(tc, NULL, teardown);
  tcase_add_test(tc, scan_finds_both_eeproms);
  tcase_add_test(tc, absent_address_is_enodev);
  tcase_add_test(tc, page_write_and_read_80mhz_400khz);
  tcase_add_test(tc, page_write_and_read_160mhz_400khz);
  tcase_add_test(tc, page_write_and_read_80mhz_100khz);
  tcase_add_test(tc, works_across_the_ccount_wrap);
  tcase_add_test(tc, clock_stretching_is_waited_for);
  tcase_add_test(tc, scl_held_low_times_out);
  tcase_add_test(tc, bad_arguments);
  tcase_add_test(tc, too_fast_a_clock_is_refused_by_the_devices);
  tcase_add_test(tc, a_fast_cpu_clock_breaks_the_bus_timing);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
