// SPDX-License-Identifier: MIT
// WS2812 capture against hand-drawn waveforms at 80 MHz, where the
// datasheet's 400/850/800/450 ns are exactly 32/68/64/36 cycles.
#include <check.h>
#include <stdlib.h>

#include "dev_ws2812.h"
#include "wave.h"

#define PIN 4

static sim_clock_t *c;
static sim_pins_t *p;
static wave_t w;

static void setup(void) {
  c = sim_clock_new(80000000);
  p = sim_pins_new(c);
  w = (wave_t){.c = c, .p = p};
  sim_pins_mode(p, PIN, SIM_PIN_OUTPUT, false);
}
static void teardown(void) {
  sim_pins_free(p);
  sim_clock_free(c);
}

// Draws [len] bytes MSB first with the given halves, starting 1 us after
// the last step; leaves the line low after the last bit.
static void draw(const uint8_t *buf, size_t len, uint32_t h0, uint32_t l0, uint32_t h1, uint32_t l1) {
  wave_after(&w, 1000);
  for (size_t i = 0; i < len; i++) {
    for (int k = 7; k >= 0; k--) {
      int one = (buf[i] >> k) & 1;
      wave_set(&w, PIN, 1);
      wave_after(&w, one ? h1 : h0);
      wave_set(&w, PIN, 0);
      wave_after(&w, one ? l1 : l0);
    }
  }
}

START_TEST(decodes_grb_pixels_after_the_latch) {
  dev_ws2812_t *d = dev_ws2812_new(p, PIN, 2, 3, NULL, 0);
  // Wire order G R B: pixel 0 = (R 0x12, G 0xA5, B 0x3C), pixel 1 = white.
  const uint8_t buf[] = {0xA5, 0x12, 0x3C, 0xFF, 0xFF, 0xFF};
  draw(buf, sizeof buf, 400, 850, 800, 450);
  wave_after(&w, 49000); // 49.x us low: not yet latched
  ck_assert_uint_eq(dev_ws2812_frames(d), 0);
  wave_after(&w, 2000); // past 50 us
  ck_assert_uint_eq(dev_ws2812_frames(d), 1);
  ck_assert_uint_eq(dev_ws2812_frame_bits(d), 48);
  ck_assert_uint_eq(dev_ws2812_frame_errors(d), 0);
  uint8_t rgb[4];
  ck_assert_int_eq(dev_ws2812_rgb(d, 0, rgb), 0);
  ck_assert_uint_eq(rgb[0], 0x12);
  ck_assert_uint_eq(rgb[1], 0xA5);
  ck_assert_uint_eq(rgb[2], 0x3C);
  dev_ws2812_rgb(d, 1, rgb);
  ck_assert_uint_eq(rgb[0] & rgb[1] & rgb[2], 0xFF);
  ck_assert_int_eq(dev_ws2812_rgb(d, 2, rgb), -1);
  // The raw list: 48 pulses measured to the ns; the last one's low is
  // the latch gap.
  ck_assert_uint_eq(dev_ws2812_pulse_count(d), 48);
  const dev_ws2812_pulse_t *first = dev_ws2812_pulse(d, 0); // bit 7 of 0xA5 = 1
  ck_assert_uint_eq(first->bit, 1);
  ck_assert_uint_eq(first->high_ns, 800);
  ck_assert_uint_eq(first->low_ns, 450);
  const dev_ws2812_pulse_t *second = dev_ws2812_pulse(d, 1); // 0
  ck_assert_uint_eq(second->bit, 0);
  ck_assert_uint_eq(second->high_ns, 400);
  ck_assert_uint_eq(second->low_ns, 850);
  ck_assert(dev_ws2812_pulse(d, 47)->flags & DEV_WS2812_LAST);
  ck_assert_uint_ge(dev_ws2812_pulse(d, 47)->low_ns, 50000);
  dev_ws2812_free(d);
}
END_TEST

START_TEST(accepts_the_edges_of_the_tolerance) {
  dev_ws2812_t *d = dev_ws2812_new(p, PIN, 1, 3, NULL, 0);
  const uint8_t buf[] = {0x0F, 0xF0, 0x55};
  draw(buf, sizeof buf, 250, 1000, 950, 300); // every half at a window edge
  wave_after(&w, 60000);
  ck_assert_uint_eq(dev_ws2812_frame_errors(d), 0);
  uint8_t rgb[4];
  dev_ws2812_rgb(d, 0, rgb);
  ck_assert_uint_eq(rgb[1], 0x0F);
  ck_assert_uint_eq(rgb[0], 0xF0);
  dev_ws2812_free(d);
}
END_TEST

// Negative control: a "1" whose high is only 300 ns reads as a 0, and
// its 450 ns low is out of a 0's window, so the frame is flagged.
START_TEST(flags_a_t1h_of_300_ns) {
  dev_ws2812_t *d = dev_ws2812_new(p, PIN, 1, 3, NULL, 0);
  const uint8_t buf[] = {0xFF, 0x00, 0x00};
  draw(buf, sizeof buf, 400, 850, 300, 450);
  wave_after(&w, 60000);
  ck_assert_uint_eq(dev_ws2812_frames(d), 1);
  ck_assert_uint_eq(dev_ws2812_frame_errors(d), 8);
  ck_assert(dev_ws2812_pulse(d, 0)->flags & DEV_WS2812_BAD_LOW);
  uint8_t rgb[4];
  dev_ws2812_rgb(d, 0, rgb);
  ck_assert_uint_eq(rgb[1], 0x00); // green never arrived
  dev_ws2812_free(d);
}
END_TEST

START_TEST(flags_a_high_between_the_windows) {
  dev_ws2812_t *d = dev_ws2812_new(p, PIN, 1, 3, NULL, 0);
  const uint8_t buf[] = {0x80, 0, 0};
  draw(buf, sizeof buf, 400, 850, 620, 630); // 620: neither 0 nor 1
  wave_after(&w, 60000);
  ck_assert_uint_eq(dev_ws2812_frame_errors(d), 1);
  ck_assert(dev_ws2812_pulse(d, 0)->flags & DEV_WS2812_BAD_HIGH);
  ck_assert_uint_eq(dev_ws2812_errors(d), 1);
  dev_ws2812_free(d);
}
END_TEST

START_TEST(v5_parts_need_280_us_to_latch) {
  dev_ws2812_t *d = dev_ws2812_new(p, PIN, 1, 3, &dev_ws2812b_v5_timing, 0);
  const uint8_t buf[] = {1, 2, 3};
  draw(buf, sizeof buf, 300, 800, 800, 700);
  wave_after(&w, 100000);
  ck_assert_uint_eq(dev_ws2812_frames(d), 0);
  wave_after(&w, 200000);
  ck_assert_uint_eq(dev_ws2812_frames(d), 1);
  ck_assert_uint_eq(dev_ws2812_frame_errors(d), 0);
  dev_ws2812_free(d);
}
END_TEST

START_TEST(bits_past_the_chain_are_forwarded_and_short_frames_keep_old_pixels) {
  dev_ws2812_t *d = dev_ws2812_new(p, PIN, 1, 3, NULL, 0);
  const uint8_t two[] = {1, 2, 3, 4, 5, 6};
  draw(two, sizeof two, 400, 850, 800, 450);
  wave_after(&w, 60000);
  ck_assert_uint_eq(dev_ws2812_frame_forwarded(d), 24);
  size_t n;
  const uint8_t *leds = dev_ws2812_leds(d, &n);
  ck_assert_uint_eq(n, 3);
  ck_assert_uint_eq(leds[2], 3);
  const uint8_t half[] = {9};
  draw(half, sizeof half, 400, 850, 800, 450);
  wave_after(&w, 60000);
  ck_assert_uint_eq(dev_ws2812_frames(d), 2);
  ck_assert_uint_eq(leds[0], 1); // 8 bits are no pixel
  ck_assert_uint_eq(dev_ws2812_pulse(d, 48)->frame, 1);
  dev_ws2812_free(d);
}
END_TEST

START_TEST(raw_list_is_bounded) {
  dev_ws2812_t *d = dev_ws2812_new(p, PIN, 1, 3, NULL, 10);
  const uint8_t buf[] = {1, 2, 3};
  draw(buf, sizeof buf, 400, 850, 800, 450);
  wave_after(&w, 60000);
  ck_assert_uint_eq(dev_ws2812_pulse_count(d), 10);
  ck_assert_uint_eq(dev_ws2812_pulses_dropped(d), 14);
  ck_assert_uint_eq(dev_ws2812_frame_bits(d), 24); // decoding goes on
  dev_ws2812_clear_pulses(d);
  ck_assert_uint_eq(dev_ws2812_pulse_count(d), 0);
  dev_ws2812_free(d);
}
END_TEST

int main(void) {
  Suite *s = suite_create("dev_ws2812");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, decodes_grb_pixels_after_the_latch);
  tcase_add_test(tc, accepts_the_edges_of_the_tolerance);
  tcase_add_test(tc, flags_a_t1h_of_300_ns);
  tcase_add_test(tc, flags_a_high_between_the_windows);
  tcase_add_test(tc, v5_parts_need_280_us_to_latch);
  tcase_add_test(tc, bits_past_the_chain_are_forwarded_and_short_frames_keep_old_pixels);
  tcase_add_test(tc, raw_list_is_bounded);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
