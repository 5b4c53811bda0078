// SPDX-License-Identifier: MIT
// 24C32 EEPROM against hand-drawn I2C waveforms: a master written out in
// this file with every edge at an explicit time, so each test states the
// exact setup and hold times it puts on the bus.
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "dev_eeprom24c32.h"
#include "wave.h"

#define SCL 5
#define SDA 4

static sim_clock_t *c;
static sim_pins_t *p;
static wave_t w;
static dev_eeprom24c32_t *d;

// The master's timing in ns; tests change single fields.
static struct { uint64_t low, high, hd_sta, su_sta, su_dat, su_sto, buf; } tm;

static void setup(void) {
  c = sim_clock_new(80000000);
  p = sim_pins_new(c);
  w = (wave_t){.c = c, .p = p};
  d = dev_eeprom24c32_new(p, SCL, SDA, 0);
  sim_pins_mode(p, SCL, SIM_PIN_OPEN_DRAIN, false);
  sim_pins_mode(p, SDA, SIM_PIN_OPEN_DRAIN, false);
  wave_set(&w, SCL, 1);
  wave_set(&w, SDA, 1);
  // Fast mode with margin: 1.5 us low, 1.0 us high (400 kHz).
  tm.low = 1500, tm.high = 1000, tm.hd_sta = 1000, tm.su_sta = 1000;
  tm.su_dat = 500, tm.su_sto = 1000, tm.buf = 1500;
  wave_at(&w, 10000);
}
static void teardown(void) {
  dev_eeprom24c32_free(d);
  sim_pins_free(p);
  sim_clock_free(c);
}

// START from an idle bus (both lines high); leaves SCL low.
static void start(void) {
  wave_set(&w, SDA, 0);
  wave_after(&w, tm.hd_sta);
  wave_set(&w, SCL, 0);
}

// One clock with the master sending [bit] (SCL low on entry and exit);
// returns SDA as sampled in the middle of the high phase.
static int clock_bit(int bit) {
  wave_after(&w, tm.low - tm.su_dat);
  wave_set(&w, SDA, bit);
  wave_after(&w, tm.su_dat);
  wave_set(&w, SCL, 1);
  wave_after(&w, tm.high / 2);
  int got = wave_get(&w, SDA);
  wave_after(&w, tm.high - tm.high / 2);
  wave_set(&w, SCL, 0);
  return got;
}

// Sends [b]; returns 1 if acknowledged.
static int put(uint8_t b) {
  for (int i = 7; i >= 0; i--)
    clock_bit((b >> i) & 1);
  return clock_bit(1) == 0;
}

// Receives a byte and answers [ack].
static uint8_t get(int ack) {
  uint8_t b = 0;
  for (int i = 0; i < 8; i++)
    b = (uint8_t)(b << 1 | clock_bit(1));
  clock_bit(!ack);
  return b;
}

// STOP (SCL low on entry); the bus is idle for tBUF afterwards.
static void stop(void) {
  wave_after(&w, tm.low - tm.su_dat);
  wave_set(&w, SDA, 0);
  wave_after(&w, tm.su_dat);
  wave_set(&w, SCL, 1);
  wave_after(&w, tm.su_sto);
  wave_set(&w, SDA, 1);
  wave_after(&w, tm.buf);
}

// Repeated START (SCL low on entry); leaves SCL low.
static void restart(void) {
  wave_after(&w, tm.low - tm.su_dat);
  wave_set(&w, SDA, 1);
  wave_after(&w, tm.su_dat);
  wave_set(&w, SCL, 1);
  wave_after(&w, tm.su_sta);
  start();
}

// A whole write of [n] bytes at [addr]; returns how many bytes (address
// bytes included) were acknowledged after the control byte, or -1 if the
// control byte was not.
static int write_at(uint16_t addr, const uint8_t *data, int n) {
  start();
  if (!put(0xA0)) {
    stop();
    return -1;
  }
  int acks = put((uint8_t)(addr >> 8)) + put((uint8_t)addr);
  for (int i = 0; i < n; i++)
    acks += put(data[i]);
  stop();
  return acks;
}

// Random read of [n] bytes at [addr]; returns 0, or -1 on a NACK.
static int read_at(uint16_t addr, uint8_t *out, int n) {
  start();
  if (!put(0xA0) || !put((uint8_t)(addr >> 8)) || !put((uint8_t)addr)) {
    stop();
    return -1;
  }
  restart();
  if (!put(0xA1)) {
    stop();
    return -1;
  }
  for (int i = 0; i < n; i++)
    out[i] = get(i + 1 < n);
  stop();
  return 0;
}

START_TEST(byte_write_then_random_read) {
  const uint8_t data[] = {0xDE, 0xAD, 0xBE};
  ck_assert_int_eq(write_at(0x0123, data, 3), 5);
  ck_assert(dev_eeprom24c32_busy(d));
  ck_assert_mem_eq(dev_eeprom24c32_memory(d) + 0x123, data, 3);
  wave_after(&w, 5000000);
  uint8_t got[3];
  ck_assert_int_eq(read_at(0x0123, got, 3), 0);
  ck_assert_mem_eq(got, data, 3);
  const dev_eeprom24c32_stats_t *st = dev_eeprom24c32_stats(d);
  ck_assert_uint_eq(st->write_cycles, 1);
  ck_assert_uint_eq(st->timing_errors, 0);
  ck_assert_uint_eq(st->bytes_read, 3);
}
END_TEST

START_TEST(busy_for_5_ms_and_ack_polling) {
  const uint8_t one = 0x42;
  write_at(0x0000, &one, 1);
  uint64_t written = w.t;
  int polls = 0;
  for (;;) {
    start();
    int ack = put(0xA0);
    stop();
    if (ack) break;
    polls++;
    wave_after(&w, 100000);
  }
  ck_assert_int_ge(polls, 35); // about 125 us per poll
  uint64_t busy = w.t - written;
  ck_assert_uint_ge(busy, 5000000);
  ck_assert_uint_lt(busy, 5200000);
  ck_assert_uint_eq(dev_eeprom24c32_stats(d)->nacked_busy, (uint32_t)polls);
}
END_TEST

START_TEST(page_write_wraps_inside_the_32_byte_page) {
  const uint8_t data[] = {1, 2, 3, 4};
  write_at(0x003E, data, 4); // page 0x20..0x3F
  uint8_t *m = dev_eeprom24c32_memory(d);
  ck_assert_uint_eq(m[0x3E], 1);
  ck_assert_uint_eq(m[0x3F], 2);
  ck_assert_uint_eq(m[0x20], 3);
  ck_assert_uint_eq(m[0x21], 4);
  ck_assert_uint_eq(m[0x40], 0xFF);
}
END_TEST

START_TEST(sequential_read_rolls_over_at_4096) {
  uint8_t *m = dev_eeprom24c32_memory(d);
  m[0xFFE] = 0x11, m[0xFFF] = 0x22, m[0x000] = 0x33, m[0x001] = 0x44;
  uint8_t got[4];
  ck_assert_int_eq(read_at(0xFFFE, got, 4), 0); // upper 4 address bits ignored
  const uint8_t want[] = {0x11, 0x22, 0x33, 0x44};
  ck_assert_mem_eq(got, want, 4);
  // A current-address read goes on from there.
  m[0x002] = 0x55;
  start();
  ck_assert(put(0xA1));
  ck_assert_uint_eq(get(0), 0x55);
  stop();
}
END_TEST

START_TEST(a_repeated_start_instead_of_stop_writes_nothing) {
  start();
  put(0xA0), put(0x00), put(0x10), put(0x99);
  restart();
  put(0xA1);
  get(0);
  stop();
  ck_assert_uint_eq(dev_eeprom24c32_memory(d)[0x10], 0xFF);
  ck_assert(!dev_eeprom24c32_busy(d));
}
END_TEST

START_TEST(address_pins_and_write_protect) {
  dev_eeprom24c32_t *d3 = dev_eeprom24c32_new(p, SCL, SDA, 3);
  ck_assert_uint_eq(dev_eeprom24c32_address(d3), 0x53);
  dev_eeprom24c32_set_write_protect(d3, true);
  start();
  ck_assert(put(0x53 << 1));
  ck_assert(put(0x00) && put(0x00) && put(0x77)); // acknowledged...
  stop();
  ck_assert_uint_eq(dev_eeprom24c32_memory(d3)[0], 0xFF); // ...but not written
  ck_assert_uint_eq(dev_eeprom24c32_stats(d)->addressed, 0);
  start();
  ck_assert(!put(0x54 << 1)); // nobody there
  stop();
  dev_eeprom24c32_free(d3);
}
END_TEST

// Negative controls: each violation spoils the transaction.

START_TEST(start_hold_too_short_is_ignored) {
  tm.hd_sta = 200; // tHD;STA >= 600 ns in fast mode
  const uint8_t one = 0x42;
  ck_assert_int_eq(write_at(0x0000, &one, 1), -1);
  ck_assert_uint_eq(dev_eeprom24c32_memory(d)[0], 0xFF);
  const dev_eeprom24c32_stats_t *st = dev_eeprom24c32_stats(d);
  ck_assert_uint_eq(st->violations[DEV_I2C_T_HD_STA], 1);
  ck_assert_str_eq(dev_eeprom24c32_last_error(d), "tHD;STA 200 ns < 600 ns");
  tm.hd_sta = 600; // the minimum itself is fine
  ck_assert_int_eq(write_at(0x0000, &one, 1), 3);
}
END_TEST

START_TEST(data_setup_too_short_is_ignored) {
  tm.su_dat = 50; // tSU;DAT >= 100 ns
  ck_assert_int_eq(write_at(0x0000, NULL, 0), -1);
  ck_assert_uint_eq(dev_eeprom24c32_stats(d)->violations[DEV_I2C_T_SU_DAT], 1);
}
END_TEST

START_TEST(stop_setup_too_short_writes_nothing) {
  const uint8_t one = 0x42;
  tm.su_sto = 300; // tSU;STO >= 600 ns
  write_at(0x0005, &one, 1);
  ck_assert_uint_eq(dev_eeprom24c32_memory(d)[5], 0xFF);
  ck_assert_uint_eq(dev_eeprom24c32_stats(d)->violations[DEV_I2C_T_SU_STO], 1);
  ck_assert(!dev_eeprom24c32_busy(d));
}
END_TEST

START_TEST(bus_free_time_and_clock_phases_are_checked) {
  tm.buf = 500; // tBUF >= 1.3 us before the next START
  const uint8_t one = 1;
  write_at(0x0000, NULL, 0);
  ck_assert_int_eq(write_at(0x0000, &one, 1), -1);
  ck_assert_uint_eq(dev_eeprom24c32_stats(d)->violations[DEV_I2C_T_BUF], 1);
  tm.buf = 1500;
  tm.low = 1000; // tLOW >= 1.3 us
  wave_after(&w, 2000);
  ck_assert_int_eq(write_at(0x0000, &one, 1), -1);
  ck_assert_uint_eq(dev_eeprom24c32_stats(d)->violations[DEV_I2C_T_LOW], 1);
}
END_TEST

START_TEST(standard_mode_rejects_fast_mode_timing) {
  dev_eeprom24c32_set_speed(d, DEV_I2C_STANDARD);
  ck_assert_int_eq(write_at(0x0000, NULL, 0), -1);
  ck_assert_uint_eq(dev_eeprom24c32_stats(d)->timing_errors, 1);
  tm.low = 5000, tm.high = 4500, tm.hd_sta = 4500, tm.su_sta = 5000, tm.su_dat = 300;
  tm.su_sto = 4500, tm.buf = 5000;
  wave_after(&w, 10000);
  ck_assert_int_eq(write_at(0x0000, NULL, 0), 2);
}
END_TEST

int main(void) {
  Suite *s = suite_create("dev_eeprom24c32");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, byte_write_then_random_read);
  tcase_add_test(tc, busy_for_5_ms_and_ack_polling);
  tcase_add_test(tc, page_write_wraps_inside_the_32_byte_page);
  tcase_add_test(tc, sequential_read_rolls_over_at_4096);
  tcase_add_test(tc, a_repeated_start_instead_of_stop_writes_nothing);
  tcase_add_test(tc, address_pins_and_write_protect);
  tcase_add_test(tc, start_hold_too_short_is_ignored);
  tcase_add_test(tc, data_setup_too_short_is_ignored);
  tcase_add_test(tc, stop_setup_too_short_writes_nothing);
  tcase_add_test(tc, bus_free_time_and_clock_phases_are_checked);
  tcase_add_test(tc, standard_mode_rejects_fast_mode_timing);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
