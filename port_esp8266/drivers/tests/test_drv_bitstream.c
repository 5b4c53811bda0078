// SPDX-License-Identifier: MIT
// drv_bitstream against the WS2812 capture: pixels arrive, every pulse is
// inside the datasheet windows at 80 and 160 MHz, across the CCOUNT wrap
// and under interrupt load; bad timing and a slow clock are caught.
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "dev_ws2812.h"
#include "drv_bitstream.h"
#include "sim_board.h"

#define PIN 4

static const uint32_t ws800[4] = DRV_BITSTREAM_WS2812_800K_NS;
// Three pixels in wire order (G R B).
static const uint8_t frame[9] = {0x00, 0xFF, 0x00, 0xA5, 0x5A, 0x0F, 0x80, 0x01, 0xC3};

static dev_ws2812_t *strip;

static void teardown(void) {
  dev_ws2812_free(strip);
  board_down();
}

// Sends the frame with [timing] and waits out the latch.
static void send(const uint32_t timing[4]) {
  drv_bitstream_ns(PIN, timing, frame, sizeof frame);
  sim_clock_advance_ns(clk, 60000);
}

// Spread of the high and low halves of 0s and 1s in the raw list.
static void report(const char *what) {
  uint32_t lo[4] = {UINT32_MAX, UINT32_MAX, UINT32_MAX, UINT32_MAX}, hi[4] = {0};
  for (size_t i = 0; i < dev_ws2812_pulse_count(strip); i++) {
    const dev_ws2812_pulse_t *q = dev_ws2812_pulse(strip, i);
    uint32_t v[2] = {q->high_ns, q->low_ns};
    for (int k = 0; k < (q->flags & DEV_WS2812_LAST ? 1 : 2); k++) {
      int slot = q->bit * 2 + k;
      if (v[k] < lo[slot]) lo[slot] = v[k];
      if (v[k] > hi[slot]) hi[slot] = v[k];
    }
  }
  FIGURE("%s: T0H %u-%u T0L %u-%u T1H %u-%u T1L %u-%u ns", what, lo[0], hi[0], lo[1], hi[1], lo[2], hi[2],
         lo[3], hi[3]);
}

static void check_pixels(void) {
  ck_assert_uint_eq(dev_ws2812_frames(strip), 1);
  ck_assert_uint_eq(dev_ws2812_frame_bits(strip), 72);
  size_t n;
  ck_assert_mem_eq(dev_ws2812_leds(strip, &n), frame, sizeof frame);
}

START_TEST(cycles_from_ns) {
  uint32_t cy[4];
  drv_bitstream_cycles(ws800, 80000000, cy);
  ck_assert_uint_eq(cy[0], 32);
  ck_assert_uint_eq(cy[1], 68);
  ck_assert_uint_eq(cy[2], 64);
  ck_assert_uint_eq(cy[3], 36);
  drv_bitstream_cycles(ws800, 160000000, cy);
  ck_assert_uint_eq(cy[0] + cy[1], 200);
}
END_TEST

START_TEST(ws2812_at_80_mhz) {
  board_up(80000000);
  strip = dev_ws2812_new(pins, PIN, 3, 3, NULL, 0);
  send(ws800);
  check_pixels();
  ck_assert_uint_eq(dev_ws2812_errors(strip), 0);
  report("80 MHz");
}
END_TEST

START_TEST(ws2812_at_160_mhz_across_the_ccount_wrap) {
  board_up(160000000);
  sim_clock_set_ccount_offset(clk, 0xFFFFFFFFu - 500); // wraps inside the frame
  strip = dev_ws2812_new(pins, PIN, 3, 3, NULL, 0);
  send(ws800);
  check_pixels();
  ck_assert_uint_eq(dev_ws2812_errors(strip), 0);
  report("160 MHz, CCOUNT wrapping");
}
END_TEST

START_TEST(ws2811_400_khz_timing) {
  static const uint32_t ws400[4] = DRV_BITSTREAM_WS2812_400K_NS;
  static const dev_ws2812_timing_t slow = {.name = "WS2811 400 kHz",
                                           .t0h_min = 650,
                                           .t0h_max = 950,
                                           .t0l_min = 1550,
                                           .t0l_max = 1850,
                                           .t1h_min = 1450,
                                           .t1h_max = 1750,
                                           .t1l_min = 750,
                                           .t1l_max = 1050,
                                           .threshold_ns = 1200,
                                           .reset_ns = 50000};
  board_up(80000000);
  strip = dev_ws2812_new(pins, PIN, 3, 3, &slow, 0);
  send(ws400);
  check_pixels();
  ck_assert_uint_eq(dev_ws2812_errors(strip), 0);
}
END_TEST

static int edges_unmasked;
static void watch_mask(void *ctx, int pin, int level, uint64_t cycle) {
  (void)ctx, (void)pin, (void)level, (void)cycle;
  if (!sim_clock_irq_masked(clk)) edges_unmasked++;
}

START_TEST(interrupts_are_masked_for_the_whole_stream) {
  board_up(80000000);
  sim_clock_set_irq_load(clk, 400, 200); // 2.5 us of handler every 5 us
  strip = dev_ws2812_new(pins, PIN, 3, 3, NULL, 0);
  edges_unmasked = 0;
  sim_pins_listen(pins, PIN, watch_mask, NULL);
  send(ws800);
  check_pixels();
  ck_assert_uint_eq(dev_ws2812_errors(strip), 0);
  ck_assert_int_eq(edges_unmasked, 0);
  ck_assert(!sim_clock_irq_masked(clk)); // restored afterwards
}
END_TEST

// Negative controls.

START_TEST(a_t1h_of_300_ns_is_flagged) {
  board_up(80000000);
  strip = dev_ws2812_new(pins, PIN, 3, 3, NULL, 0);
  const uint32_t bad[4] = {400, 850, 300, 450};
  send(bad);
  ck_assert_uint_gt(dev_ws2812_frame_errors(strip), 0);
  size_t n;
  ck_assert_int_ne(memcmp(dev_ws2812_leds(strip, &n), frame, sizeof frame), 0);
}
END_TEST

START_TEST(a_slow_clock_is_flagged) {
  board_up(80000000);
  sim_clock_set_skew_ppm(clk, 250000); // every cycle 25 % long
  strip = dev_ws2812_new(pins, PIN, 3, 3, NULL, 0);
  send(ws800);
  report("80 MHz, clock 25 % slow");
  ck_assert_uint_gt(dev_ws2812_frame_errors(strip), 0);
}
END_TEST

int main(void) {
  Suite *s = suite_create("drv_bitstream");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, cycles_from_ns);
  TCase *tw = tcase_create("ws2812");
  tcase_add_checked_fixture(tw, NULL, teardown);
  tcase_add_test(tw, ws2812_at_80_mhz);
  tcase_add_test(tw, ws2812_at_160_mhz_across_the_ccount_wrap);
  tcase_add_test(tw, ws2811_400_khz_timing);
  tcase_add_test(tw, interrupts_are_masked_for_the_whole_stream);
  tcase_add_test(tw, a_t1h_of_300_ns_is_flagged);
  tcase_add_test(tw, a_slow_clock_is_flagged);
  suite_add_tcase(s, tc);
  suite_add_tcase(s, tw);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
