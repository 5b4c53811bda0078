// SPDX-License-Identifier: MIT
// drv_onewire against DS18B20 models: presence, ROM read and search over
// three devices, a whole temperature read, at 80 and 160 MHz, under a
// slow clock and interrupt load; a fast clock loses the presence.
#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dev_ds18b20.h"
#include "drv_onewire.h"
#include "sim_board.h"

#define PIN 2

static const uint8_t serials[3][6] = {
    {0x01, 0x00, 0x00, 0x00, 0x00, 0x00},
    {0xF3, 0x4C, 0x05, 0x17, 0x00, 0x00},
    {0xF2, 0x4C, 0x05, 0x17, 0x00, 0x80},
};
static dev_ds18b20_t *dev[3];
static drv_onewire_t ow;

// A board at [hz] with [n] sensors on the bus.
static void bus_up(uint32_t hz, int n) {
  board_up(hz);
  for (int i = 0; i < n; i++)
    dev[i] = dev_ds18b20_new(pins, PIN, serials[i]);
  ck_assert_int_eq(drv_onewire_init(&ow, PIN), 0);
}

static void teardown(void) {
  for (int i = 0; i < 3; i++) {
    dev_ds18b20_free(dev[i]);
    dev[i] = NULL;
  }
  board_down();
}

static uint32_t device_errors(void) {
  uint32_t n = 0;
  for (int i = 0; i < 3; i++)
    if (dev[i]) n += dev_ds18b20_stats(dev[i])->timing_errors;
  return n;
}

START_TEST(crc8_vectors) {
  ck_assert_uint_eq(drv_onewire_crc8((const uint8_t *)"123456789", 9), 0xA1);
  const uint8_t sp[9] = {0x50, 0x05, 0x4B, 0x46, 0x7F, 0xFF, 0x0C, 0x10, 0x1C};
  ck_assert_uint_eq(drv_onewire_crc8(sp, 8), 0x1C);
  ck_assert_uint_eq(drv_onewire_crc8(sp, 9), 0);
}
END_TEST

START_TEST(presence_only_with_a_device) {
  bus_up(80000000, 0);
  sim_pins_set_bus_pullup(pins, PIN, true);
  ck_assert_int_eq(drv_onewire_reset(&ow), 0);
  dev[0] = dev_ds18b20_new(pins, PIN, serials[0]);
  ck_assert_int_eq(drv_onewire_reset(&ow), 1);
  // Measured: the reset low and the release to presence.
  size_t n = sim_pins_edge_count(pins, PIN);
  FIGURE("reset low %.1f us, presence %.1f us after release, for %.1f us", edge_ns(PIN, n - 4, n - 3) / 1e3,
         edge_ns(PIN, n - 3, n - 2) / 1e3, edge_ns(PIN, n - 2, n - 1) / 1e3);
  ck_assert_uint_ge(edge_ns(PIN, n - 4, n - 3), 480000);
}
END_TEST

START_TEST(read_rom_of_one_device) {
  bus_up(80000000, 1);
  ck_assert_int_eq(drv_onewire_reset(&ow), 1);
  sim_pins_clear_history(pins, PIN);
  drv_onewire_write_byte(&ow, 0x33);
  // Measured slot timing of the command byte 0x33 (LSB first: 1 1 0 0).
  FIGURE("write-1 low %.2f us, write-0 low %.2f us, slot %.2f us", edge_ns(PIN, 0, 1) / 1e3,
         edge_ns(PIN, 4, 5) / 1e3, edge_ns(PIN, 0, 2) / 1e3);
  uint8_t rom[8];
  drv_onewire_read(&ow, rom, 8);
  ck_assert_mem_eq(rom, dev_ds18b20_rom(dev[0]), 8);
  ck_assert_uint_eq(drv_onewire_crc8(rom, 8), 0);
  ck_assert_uint_eq(device_errors(), 0);
}
END_TEST

// Runs a scan and checks every model's ROM was found once.
static void scan_finds_all(int n) {
  uint8_t roms[8][8];
  ck_assert_int_eq(drv_onewire_scan(&ow, roms, 8), n);
  for (int i = 0; i < n; i++) {
    ck_assert_uint_eq(drv_onewire_crc8(roms[i], 8), 0);
    int hits = 0;
    for (int k = 0; k < n; k++)
      hits += memcmp(roms[i], dev_ds18b20_rom(dev[k]), 8) == 0;
    ck_assert_int_eq(hits, 1);
  }
  ck_assert_uint_eq(device_errors(), 0);
}

START_TEST(search_finds_three_devices) {
  bus_up(80000000, 3);
  scan_finds_all(3);
}
END_TEST

START_TEST(search_at_160_mhz_with_a_slow_clock) {
  bus_up(160000000, 3);
  sim_clock_set_skew_ppm(clk, 200000); // 20 % slow: still inside the windows
  scan_finds_all(3);
}
END_TEST

START_TEST(search_without_devices) {
  bus_up(80000000, 0);
  sim_pins_set_bus_pullup(pins, PIN, true);
  uint8_t roms[1][8];
  ck_assert_int_eq(drv_onewire_scan(&ow, roms, 1), -ENODEV);
}
END_TEST

// Reset, SKIP, CONVERT T, polling, then a MATCH + READ SCRATCHPAD per
// device: the whole ds18x20 sequence. Returns the polls it took.
static int convert_all(void) {
  ck_assert_int_eq(drv_onewire_select(&ow, NULL), 1);
  drv_onewire_write_byte(&ow, 0x44);
  int polls = 0;
  while (!drv_onewire_read_bit(&ow)) {
    polls++;
    sim_clock_advance_ns(clk, 10000000); // time.sleep_ms(10)
  }
  return polls;
}

static int16_t read_temp(int i) {
  ck_assert_int_eq(drv_onewire_select(&ow, dev_ds18b20_rom(dev[i])), 1);
  drv_onewire_write_byte(&ow, 0xBE);
  uint8_t sp[9];
  drv_onewire_read(&ow, sp, 9);
  ck_assert_uint_eq(drv_onewire_crc8(sp, 9), 0);
  return (int16_t)(sp[0] | sp[1] << 8);
}

START_TEST(temperatures_of_two_sensors) {
  bus_up(80000000, 2);
  dev_ds18b20_set_temp_mc(dev[0], 21500);
  dev_ds18b20_set_temp_mc(dev[1], -5250);
  ck_assert_int_eq(read_temp(0), 85 * 16); // before any conversion
  int polls = convert_all();
  FIGURE("12-bit conversion polled done after %d x 10 ms", polls);
  ck_assert_int_ge(polls, 74);
  ck_assert_int_le(polls, 75);
  ck_assert_int_eq(read_temp(0), 344); // 21.5 * 16
  ck_assert_int_eq(read_temp(1), -84); // -5.25 * 16
  ck_assert_uint_eq(device_errors(), 0);
}
END_TEST

START_TEST(interrupt_load_between_slots_is_harmless) {
  bus_up(160000000, 1);
  sim_clock_set_irq_load(clk, 160 * 20, 160 * 10); // 10 us of every 20 us
  dev_ds18b20_set_temp_mc(dev[0], 30000);
  convert_all();
  ck_assert_int_eq(read_temp(0), 30 * 16);
  ck_assert_uint_eq(device_errors(), 0);
}
END_TEST

// Negative control: a clock 60 % fast makes the 490 us reset 196 us.
START_TEST(a_fast_clock_loses_the_presence) {
  bus_up(80000000, 1);
  sim_clock_set_skew_ppm(clk, -600000);
  ck_assert_int_eq(drv_onewire_reset(&ow), 0);
  ck_assert_uint_eq(dev_ds18b20_stats(dev[0])->presences, 0);
}
END_TEST

int main(void) {
  Suite *s = suite_create("drv_onewire");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, crc8_vectors);
  TCase *tb = tcase_create("bus");
  tcase_set_timeout(tb, 60);
  tcase_add_checked_fixture(tb, NULL, teardown);
  tcase_add_test(tb, presence_only_with_a_device);
  tcase_add_test(tb, read_rom_of_one_device);
  tcase_add_test(tb, search_finds_three_devices);
  tcase_add_test(tb, search_at_160_mhz_with_a_slow_clock);
  tcase_add_test(tb, search_without_devices);
  tcase_add_test(tb, temperatures_of_two_sensors);
  tcase_add_test(tb, interrupt_load_between_slots_is_harmless);
  tcase_add_test(tb, a_fast_clock_loses_the_presence);
  suite_add_tcase(s, tc);
  suite_add_tcase(s, tb);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
