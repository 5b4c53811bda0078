// SPDX-License-Identifier: MIT
// DS18B20 against a hand-drawn 1-Wire master: every slot below is drawn
// with explicit microsecond timings, so the tests can also draw bad ones.
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "dev_ds18b20.h"
#include "wave.h"

#define PIN 2
#define US 1000ull

static sim_clock_t *c;
static sim_pins_t *p;
static wave_t w;
static dev_ds18b20_t *d;
static const uint8_t serial_a[6] = {0x11, 0x22, 0x33, 0x44, 0x55, 0x66};
static const uint8_t serial_b[6] = {0x11, 0x22, 0x33, 0x44, 0x55, 0x67};

// Master timing in us; tests change single fields.
static struct {
  uint64_t reset_low, presence_sample, write1_low, write0_low, read_low, read_sample, slot;
} tm;

static void setup(void) {
  c = sim_clock_new(80000000);
  p = sim_pins_new(c);
  w = (wave_t){.c = c, .p = p};
  d = dev_ds18b20_new(p, PIN, serial_a);
  sim_pins_mode(p, PIN, SIM_PIN_OPEN_DRAIN, false);
  wave_set(&w, PIN, 1);
  tm.reset_low = 480, tm.presence_sample = 70, tm.write1_low = 6, tm.write0_low = 64;
  tm.read_low = 5, tm.read_sample = 12, tm.slot = 70;
  wave_at(&w, 100 * US);
}
static void teardown(void) {
  dev_ds18b20_free(d);
  sim_pins_free(p);
  sim_clock_free(c);
}

static int reset(void) {
  wave_set(&w, PIN, 0);
  wave_after(&w, tm.reset_low * US);
  wave_set(&w, PIN, 1);
  wave_after(&w, tm.presence_sample * US);
  int present = !wave_get(&w, PIN);
  wave_after(&w, (480 - tm.presence_sample) * US);
  return present;
}

static void write_bit(int bit) {
  uint64_t t0 = w.t;
  wave_set(&w, PIN, 0);
  wave_after(&w, (bit ? tm.write1_low : tm.write0_low) * US);
  wave_set(&w, PIN, 1);
  wave_at(&w, t0 + tm.slot * US);
}

static int read_bit(void) {
  uint64_t t0 = w.t;
  wave_set(&w, PIN, 0);
  wave_after(&w, tm.read_low * US);
  wave_set(&w, PIN, 1);
  wave_at(&w, t0 + tm.read_sample * US);
  int bit = wave_get(&w, PIN);
  wave_at(&w, t0 + tm.slot * US);
  return bit;
}

static void write_byte(uint8_t b) {
  for (int i = 0; i < 8; i++)
    write_bit((b >> i) & 1);
}

static uint8_t read_byte(void) {
  uint8_t b = 0;
  for (int i = 0; i < 8; i++)
    b |= (uint8_t)(read_bit() << i);
  return b;
}

static void read_scratchpad(const uint8_t *rom, uint8_t out[9]) {
  ck_assert(reset());
  if (rom) {
    write_byte(0x55);
    for (int i = 0; i < 8; i++)
      write_byte(rom[i]);
  } else {
    write_byte(0xCC);
  }
  write_byte(0xBE);
  for (int i = 0; i < 9; i++)
    out[i] = read_byte();
}

START_TEST(crc8_matches_the_maxim_check_value) {
  ck_assert_uint_eq(dev_ds18b20_crc8((const uint8_t *)"123456789", 9), 0xA1);
  const uint8_t *rom = dev_ds18b20_rom(d);
  ck_assert_uint_eq(rom[0], 0x28);
  ck_assert_uint_eq(dev_ds18b20_crc8(rom, 8), 0);
}
END_TEST

START_TEST(answers_a_reset_with_a_timed_presence_pulse) {
  sim_pins_clear_history(p, PIN);
  uint64_t t0 = w.t;
  ck_assert(reset());
  ck_assert_uint_eq(dev_ds18b20_stats(d)->presences, 1);
  // Edges: master fall, master release, presence fall 30 us later, rise
  // 120 us after that.
  ck_assert_uint_eq(sim_pins_edge_count(p, PIN), 4);
  uint64_t release = sim_clock_ns(c, sim_pins_edge(p, PIN, 1)->cycle);
  ck_assert_uint_eq(release - t0, 480 * US);
  ck_assert_uint_eq(sim_clock_ns(c, sim_pins_edge(p, PIN, 2)->cycle) - release, 30 * US);
  ck_assert_uint_eq(sim_clock_ns(c, sim_pins_edge(p, PIN, 3)->cycle) - release, 150 * US);
  ck_assert_uint_eq(dev_ds18b20_stats(d)->timing_errors, 0);
}
END_TEST

START_TEST(read_rom_and_power_on_scratchpad) {
  ck_assert(reset());
  write_byte(0x33);
  uint8_t rom[8];
  for (int i = 0; i < 8; i++)
    rom[i] = read_byte();
  ck_assert_mem_eq(rom, dev_ds18b20_rom(d), 8);
  uint8_t sp[9];
  read_scratchpad(NULL, sp);
  const uint8_t want[9] = {0x50, 0x05, 0x4B, 0x46, 0x7F, 0xFF, 0x0C, 0x10, 0x1C};
  ck_assert_mem_eq(sp, want, 9);        // +85 C, CRC 0x1C
  ck_assert_uint_eq(read_byte(), 0xFF); // past the scratchpad: 1s
  ck_assert_uint_eq(dev_ds18b20_stats(d)->timing_errors, 0);
}
END_TEST

START_TEST(convert_takes_750_ms_at_12_bits) {
  dev_ds18b20_set_temp_mc(d, 25062); // 25.0625 C = 0x0191
  ck_assert(reset());
  write_byte(0xCC);
  write_byte(0x44);
  uint64_t t0 = w.t;
  int zeros = 0;
  while (read_bit() == 0) {
    zeros++;
    wave_after(&w, 930 * US); // poll about every millisecond
  }
  uint64_t took = w.t - t0;
  ck_assert_uint_ge(took, 750000 * US);
  ck_assert_uint_lt(took, 751100 * US);
  ck_assert_int_gt(zeros, 700);
  uint8_t sp[9];
  read_scratchpad(NULL, sp);
  ck_assert_uint_eq(sp[0], 0x91);
  ck_assert_uint_eq(sp[1], 0x01);
  ck_assert_uint_eq(dev_ds18b20_crc8(sp, 9), 0);
  ck_assert_uint_eq(dev_ds18b20_stats(d)->conversions, 1);
}
END_TEST

START_TEST(nine_bit_resolution_converts_in_93_75_ms) {
  ck_assert(reset());
  write_byte(0xCC);
  write_byte(0x4E);
  write_byte(0x20), write_byte(0xF6), write_byte(0x1F); // TH 32, TL -10, 9 bits
  ck_assert_int_eq(dev_ds18b20_resolution(d), 9);
  dev_ds18b20_set_temp_mc(d, -10125); // -162/16; at 9 bits -10.5
  ck_assert(reset());
  write_byte(0xCC);
  write_byte(0x44);
  wave_after(&w, 93700 * US);
  ck_assert_int_eq(read_bit(), 0);
  wave_after(&w, 100 * US);
  ck_assert_int_eq(read_bit(), 1);
  uint8_t sp[9];
  read_scratchpad(NULL, sp);
  ck_assert_uint_eq(sp[0] | sp[1] << 8, 0xFF58);
  ck_assert_uint_eq(sp[2], 0x20);
  ck_assert_uint_eq(sp[3], 0xF6);
  ck_assert_uint_eq(sp[4], 0x1F);
  ck_assert_uint_eq(dev_ds18b20_crc8(sp, 9), 0);
}
END_TEST

START_TEST(match_rom_picks_one_of_two) {
  dev_ds18b20_t *b = dev_ds18b20_new(p, PIN, serial_b);
  dev_ds18b20_set_temp_mc(d, 20000);
  dev_ds18b20_set_temp_mc(b, 30000);
  ck_assert(reset());
  write_byte(0xCC); // both convert
  write_byte(0x44);
  wave_after(&w, 760000 * US);
  uint8_t sp[9];
  read_scratchpad(dev_ds18b20_rom(b), sp);
  ck_assert_uint_eq(sp[0] | sp[1] << 8, 30 * 16);
  read_scratchpad(dev_ds18b20_rom(d), sp);
  ck_assert_uint_eq(sp[0] | sp[1] << 8, 20 * 16);
  ck_assert_uint_eq(dev_ds18b20_crc8(sp, 9), 0);
  dev_ds18b20_free(b);
}
END_TEST

// Walks SEARCH ROM towards [want], checking every bit/complement pair
// against what the two devices together must put on the wire.
static void search_towards(const uint8_t *want, const uint8_t *other) {
  ck_assert(reset());
  write_byte(0xF0);
  bool other_in = true;
  for (int i = 0; i < 64; i++) {
    int wb = (want[i / 8] >> (i % 8)) & 1, ob = (other[i / 8] >> (i % 8)) & 1;
    int b = read_bit(), cb = read_bit();
    // Wired-AND of each device's bit, then of each complement.
    ck_assert_int_eq(b, wb & (other_in ? ob : 1));
    ck_assert_int_eq(cb, (!wb) & (other_in ? !ob : 1));
    write_bit(wb);
    if (ob != wb) other_in = false;
  }
}

START_TEST(search_rom_walks_each_branch) {
  dev_ds18b20_t *b = dev_ds18b20_new(p, PIN, serial_b);
  dev_ds18b20_set_temp_mc(b, 30000);
  ck_assert(reset());
  write_byte(0xCC);
  write_byte(0x44);
  wave_after(&w, 760000 * US);
  search_towards(dev_ds18b20_rom(b), dev_ds18b20_rom(d));
  write_byte(0xBE); // only b is still selected
  uint8_t sp[9];
  for (int i = 0; i < 9; i++)
    sp[i] = read_byte();
  ck_assert_uint_eq(sp[0] | sp[1] << 8, 30 * 16);
  search_towards(dev_ds18b20_rom(d), dev_ds18b20_rom(b));
  ck_assert_uint_eq(dev_ds18b20_stats(d)->timing_errors, 0);
  ck_assert_uint_eq(dev_ds18b20_stats(b)->timing_errors, 0);
  dev_ds18b20_free(b);
}
END_TEST

START_TEST(alarm_search_finds_only_the_alarmed_device) {
  dev_ds18b20_t *b = dev_ds18b20_new(p, PIN, serial_b);
  dev_ds18b20_set_temp_mc(d, 20000); // <= TL (70 C at power-on): alarmed
  dev_ds18b20_set_temp_mc(b, 72000); // between TL 70 and TH 75: quiet
  ck_assert(reset());
  write_byte(0xCC);
  write_byte(0x44);
  wave_after(&w, 760000 * US);
  ck_assert(reset());
  write_byte(0xEC);
  const uint8_t *rom = dev_ds18b20_rom(d);
  for (int i = 0; i < 64; i++) {
    int bit = (rom[i / 8] >> (i % 8)) & 1;
    ck_assert_int_eq(read_bit(), bit);
    ck_assert_int_eq(read_bit(), !bit);
    write_bit(bit);
  }
  ck_assert(reset());
  write_byte(0xEC); // nobody alarmed but d: a wrong turn leaves nobody
  ck_assert_int_eq(read_bit(), rom[0] & 1);
  read_bit();
  write_bit(!(rom[0] & 1));
  ck_assert_int_eq(read_bit(), 1);
  ck_assert_int_eq(read_bit(), 1);
  dev_ds18b20_free(b);
}
END_TEST

// Negative controls.

START_TEST(a_200_us_reset_gets_no_presence) {
  tm.reset_low = 200;
  ck_assert(!reset());
  ck_assert_uint_eq(dev_ds18b20_stats(d)->presences, 0);
  tm.reset_low = 480;
  ck_assert(reset());
}
END_TEST

START_TEST(a_200_us_low_mid_transaction_silences_the_device) {
  ck_assert(reset());
  write_byte(0xCC);
  wave_set(&w, PIN, 0);
  wave_after(&w, 200 * US);
  wave_set(&w, PIN, 1);
  wave_after(&w, 100 * US);
  // Taken as a write-0 slot that is too long, then as no slot at all.
  ck_assert_uint_eq(dev_ds18b20_stats(d)->timing_errors, 2);
  ck_assert_str_eq(dev_ds18b20_last_error(d), "low neither slot nor reset (200.0 us)");
  write_byte(0xBE);
  ck_assert_uint_eq(read_byte(), 0xFF); // nobody answers
}
END_TEST

START_TEST(a_write_1_held_40_us_is_read_as_0) {
  tm.write1_low = 40;
  ck_assert(reset());
  write_byte(0xCC); // arrives as 0x00, no ROM command
  ck_assert_uint_eq(dev_ds18b20_stats(d)->last_rom_cmd, 0x00);
  ck_assert_uint_gt(dev_ds18b20_stats(d)->timing_errors, 0);
  write_byte(0xBE);
  ck_assert_uint_eq(read_byte(), 0xFF);
}
END_TEST

START_TEST(a_master_sampling_late_reads_1s) {
  tm.read_sample = 45; // the device lets go at 30 us
  ck_assert(reset());
  write_byte(0x33);
  ck_assert_uint_eq(read_byte(), 0xFF); // the family code 0x28 is lost
}
END_TEST

START_TEST(short_slots_are_counted) {
  tm.slot = 50; // tSLOT >= 60 us
  ck_assert(reset());
  write_byte(0xCC);
  ck_assert_uint_ge(dev_ds18b20_stats(d)->timing_errors, 7);
  ck_assert_ptr_nonnull(strstr(dev_ds18b20_last_error(d), "tSLOT"));
}
END_TEST

int main(void) {
  Suite *s = suite_create("dev_ds18b20");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, crc8_matches_the_maxim_check_value);
  tcase_add_test(tc, answers_a_reset_with_a_timed_presence_pulse);
  tcase_add_test(tc, read_rom_and_power_on_scratchpad);
  tcase_add_test(tc, convert_takes_750_ms_at_12_bits);
  tcase_add_test(tc, nine_bit_resolution_converts_in_93_75_ms);
  tcase_add_test(tc, match_rom_picks_one_of_two);
  tcase_add_test(tc, search_rom_walks_each_branch);
  tcase_add_test(tc, alarm_search_finds_only_the_alarmed_device);
  tcase_add_test(tc, a_200_us_reset_gets_no_presence);
  tcase_add_test(tc, a_200_us_low_mid_transaction_silences_the_device);
  tcase_add_test(tc, a_write_1_held_40_us_is_read_as_0);
  tcase_add_test(tc, a_master_sampling_late_reads_1s);
  tcase_add_test(tc, short_slots_are_counted);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
