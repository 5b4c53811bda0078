// SPDX-License-Identifier: MIT
// test_decode.c: the analysers on synthetic captures with known timings:
// WS2812 figures and colours, I2C transactions, clock and scan, 1-Wire
// presence, ROM search, scratchpad CRC and temperature, UART bytes and
// baud, PWM frequency and duty. Each check has its negative control: a
// slow clock pushing T1H out of its window (the failure names T1H), red
// and green swapped, a missing EEPROM, a corrupted scratchpad, a wrong
// baud rate, a PWM off its request.
#include "decode_i2c.h"
#include "decode_onewire.h"
#include "decode_pwm.h"
#include "decode_uart.h"
#include "decode_ws2812.h"
#include "synth.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static int mentions(const analysis_t *a, const char *needle) {
  return strstr(buf_str(&a->problems), needle) != NULL;
}

// A frame of pixels given as 0xRRGGBB, put on the wire as G R B.
static size_t wire_bytes(const uint32_t *rgb, size_t n, uint8_t *out) {
  for (size_t i = 0; i < n; i++) {
    out[3 * i] = (uint8_t)(rgb[i] >> 8);
    out[3 * i + 1] = (uint8_t)(rgb[i] >> 16);
    out[3 * i + 2] = (uint8_t)rgb[i];
  }
  return 3 * n;
}

static const uint32_t ramp[4] = {0xFF0000, 0x00FF00, 0x0000FF, 0x102030};

static void expect(ws2812_expect_t *e, const char *label, const uint32_t *rgb, size_t n) {
  memset(e, 0, sizeof *e);
  snprintf(e->label, sizeof e->label, "%s", label);
  memcpy(e->rgb, rgb, n * sizeof *rgb);
  e->npixels = n;
}

// Two frames (ramp, all ones) drawn with the given times scaled by [scale].
static void ws2812_capture(capture_t *cap, double scale, int swap_rg) {
  capture_init(cap);
  pen_t p = pen_new(cap, "gpio4", 0);
  p.t = 100000;
  uint8_t bytes[64];
  size_t n = wire_bytes(ramp, 4, bytes);
  if (swap_rg)
    for (size_t i = 0; i < n; i += 3) {
      uint8_t g = bytes[i];
      bytes[i] = bytes[i + 1];
      bytes[i + 1] = g;
    }
  int t0h = (int)lround(400 * scale), t0l = (int)lround(850 * scale);
  int t1h = (int)lround(800 * scale), t1l = (int)lround(450 * scale);
  synth_ws2812(&p, bytes, n, t0h, t0l, t1h, t1l, 80000);
  uint8_t ones[6];
  memset(ones, 0xFF, sizeof ones);
  synth_ws2812(&p, ones, sizeof ones, t0h, t0l, t1h, t1l, 60000);
}

static void ws2812_run(capture_t *cap, analysis_t *a) {
  ws2812_expect_t exp[2];
  const uint32_t white[2] = {0xFFFFFF, 0xFFFFFF};
  expect(&exp[0], "ramp", ramp, 4);
  expect(&exp[1], "all-ones", white, 2);
  ws2812_decode_t d;
  ck_assert_int_eq(ws2812_decode(cap, 0, &ws2812b_windows, &d), RIG_OK);
  analysis_init(a, "ws2812");
  ws2812_check(&d, &ws2812b_windows, exp, 2, a);
  ws2812_decode_free(&d);
}

START_TEST(ws2812_nominal_timing_passes) {
  capture_t cap;
  ws2812_capture(&cap, 1.0, 0);
  analysis_t a;
  ws2812_run(&cap, &a);
  ck_assert_msg(analysis_ok(&a), "%s", buf_str(&a.problems));
  figure_t *t1h = analysis_find(&a, "T1H"), *t0l = analysis_find(&a, "T0L"),
           *rst = analysis_find(&a, "reset");
  ck_assert_double_eq_tol(t1h->mean, 800, 0.01);
  ck_assert_double_eq_tol(t1h->min, 800, 0.01);
  ck_assert_double_eq_tol(figure_stdev(t1h), 0, 0.01);
  ck_assert_double_eq_tol(t0l->mean, 850, 0.01);
  ck_assert_uint_eq(rst->n, 2);
  ck_assert_double_eq_tol(rst->min, 60000, 0.01);
  ck_assert_double_eq_tol(rst->max, 80000, 0.01);
  // 12 + 6 bytes: 144 bits, 142 bit lows (two are gaps).
  ck_assert_uint_eq(analysis_find(&a, "T0H")->n + t1h->n, 144);
  ck_assert_uint_eq(t0l->n + analysis_find(&a, "T1L")->n, 142);
  analysis_free(&a);
  capture_free(&cap);
}
END_TEST

START_TEST(ws2812_slow_clock_fails_naming_t1h) {
  // A clock 25% slow: T1H 1000 ns, past the 950 ns edge of its window.
  capture_t cap;
  ws2812_capture(&cap, 1.25, 0);
  analysis_t a;
  ws2812_run(&cap, &a);
  ck_assert(!analysis_ok(&a));
  ck_assert_msg(mentions(&a, "T1H max 1000 ns above the window 650..950 ns"), "%s", buf_str(&a.problems));
  // The colours still decode: only timing is at fault.
  ck_assert_msg(!mentions(&a, "pixel"), "%s", buf_str(&a.problems));
  analysis_free(&a);
  capture_free(&cap);
}
END_TEST

START_TEST(ws2812_one_late_bit_is_caught) {
  // One T0L stretched to 5 us (an interrupt inside the frame) fails T0L.
  capture_t cap;
  capture_init(&cap);
  pen_t p = pen_new(&cap, "gpio4", 0);
  uint8_t b[3] = {0x00, 0x0F, 0xF0};
  synth_ws2812(&p, b, 1, 400, 850, 800, 450, 0);
  // The last low so far has length 0: hold it 5 us.
  pen_hold(&p, 0, 5000);
  synth_ws2812(&p, b + 1, 2, 400, 850, 800, 450, 60000);
  ws2812_decode_t d;
  ck_assert_int_eq(ws2812_decode(&cap, 0, &ws2812b_windows, &d), RIG_OK);
  analysis_t a;
  analysis_init(&a, "ws2812");
  ws2812_check(&d, &ws2812b_windows, NULL, 0, &a);
  ck_assert_msg(mentions(&a, "T0L max 5000 ns above"), "%s", buf_str(&a.problems));
  ck_assert_uint_eq(d.nframes, 1);
  ck_assert_uint_eq(d.frames[0].nbytes, 3);
  ck_assert_uint_eq(d.frames[0].bytes[2], 0xF0);
  ws2812_decode_free(&d);
  analysis_free(&a);
  capture_free(&cap);
}
END_TEST

START_TEST(ws2812_swapped_colour_order_fails) {
  capture_t cap;
  ws2812_capture(&cap, 1.0, 1);
  analysis_t a;
  ws2812_run(&cap, &a);
  ck_assert(!analysis_ok(&a));
  ck_assert_msg(mentions(&a,
                         "frame 0 (ramp) pixel 0: colour 00FF00 decoded, FF0000 written (RGB): red and green "
                         "swapped"),
                "%s", buf_str(&a.problems));
  ck_assert_msg(mentions(&a, "colour order"), "%s", buf_str(&a.problems));
  // Timing itself is fine.
  ck_assert_msg(!mentions(&a, "window"), "%s", buf_str(&a.problems));
  analysis_free(&a);
  capture_free(&cap);
}
END_TEST

START_TEST(ws2812_missing_frame_fails) {
  capture_t cap;
  capture_init(&cap);
  pen_t p = pen_new(&cap, "gpio4", 0);
  uint8_t b[12];
  synth_ws2812(&p, b, wire_bytes(ramp, 4, b), 400, 850, 800, 450, 60000);
  analysis_t a;
  ws2812_run(&cap, &a);
  ck_assert_msg(mentions(&a, "frames: 1 decoded, 2 written"), "%s", buf_str(&a.problems));
  analysis_free(&a);
  capture_free(&cap);
}
END_TEST

// An EEPROM session: a scan of 0x50..0x51, a write, a random read.
static void i2c_capture(capture_t *cap, int eeprom_present, int64_t half_ns) {
  capture_init(cap);
  i2c_pen_t b;
  synth_i2c_init(&b, cap, 5, 4, half_ns);
  for (int addr = 0x50; addr <= 0x51; addr++) {
    synth_i2c_start(&b);
    synth_i2c_byte(&b, (uint8_t)(addr << 1), eeprom_present && addr == 0x50);
    synth_i2c_stop(&b);
  }
  synth_i2c_start(&b);
  synth_i2c_byte(&b, 0xA0, eeprom_present);
  if (eeprom_present) {
    synth_i2c_byte(&b, 0x00, 1);
    synth_i2c_byte(&b, 0x1F, 1);
    synth_i2c_byte(&b, 0x41, 1);
  }
  synth_i2c_stop(&b);
  synth_i2c_start(&b);
  synth_i2c_byte(&b, 0xA0, eeprom_present);
  synth_i2c_byte(&b, 0x00, 1);
  synth_i2c_byte(&b, 0x1F, 1);
  synth_i2c_start(&b); // repeated START
  synth_i2c_byte(&b, 0xA1, eeprom_present);
  synth_i2c_byte(&b, 0x41, 0); // the master NACKs the last byte
  synth_i2c_stop(&b);
}

START_TEST(i2c_transactions_clock_and_scan) {
  capture_t cap;
  i2c_capture(&cap, 1, 1500); // 333 kHz, 50:50
  i2c_decode_t d;
  ck_assert_int_eq(i2c_decode(&cap, capture_find_pin(&cap, 5), capture_find_pin(&cap, 4), &d), RIG_OK);
  ck_assert_uint_eq(d.count, 5);
  ck_assert_int_eq(d.t[0].addr, 0x50);
  ck_assert(d.t[0].addr_ack);
  ck_assert(!d.t[1].addr_ack);
  ck_assert_uint_eq(d.t[2].ndata, 3);
  ck_assert_uint_eq(d.t[2].data[2], 0x41);
  ck_assert(d.t[2].stopped);
  ck_assert(!d.t[3].stopped); // ended by the repeated START
  ck_assert(d.t[4].read);
  ck_assert_uint_eq(d.t[4].data[0], 0x41);
  ck_assert(!d.t[4].ack[0]);
  char text[128];
  i2c_transaction_text(&d.t[2], 0, text, sizeof text);
  ck_assert_str_eq(text, "S 50W+ 00+ 1F+ 41+ P");
  i2c_transaction_text(&d.t[4], 1, text, sizeof text);
  ck_assert_str_eq(text, "Sr 50R+ 41- P");
  analysis_t a;
  analysis_init(&a, "i2c");
  i2c_check_timing(&d, 1e9 / 3000, 10, &a);
  const int want[] = {0x50}, board[] = {0x50};
  i2c_check_scan(&d, want, 1, board, 1, &a);
  ck_assert_msg(analysis_ok(&a), "%s", buf_str(&a.problems));
  figure_t *hz = analysis_find(&a, "scl_hz");
  ck_assert_double_eq_tol(hz->mean, 1e9 / 3000, 1);
  ck_assert_double_eq_tol(analysis_find(&a, "tLOW")->min, 1500, 0.1);
  ck_assert_double_eq_tol(analysis_find(&a, "tHIGH")->min, 1500, 0.1);
  analysis_free(&a);
  // Asked for 100 kHz, got 333 kHz: the clock error fails, and fast-mode
  // timings fail standard mode's minimums.
  analysis_init(&a, "i2c");
  i2c_check_timing(&d, 100000, 10, &a);
  ck_assert_msg(mentions(&a, "scl_error_pct max 233.333 % above the window <= 10 %"), "%s",
                buf_str(&a.problems));
  ck_assert_msg(mentions(&a, "tLOW min 1500 ns below the window >= 4700 ns"), "%s", buf_str(&a.problems));
  analysis_free(&a);
  i2c_decode_free(&d);
  capture_free(&cap);
}
END_TEST

START_TEST(i2c_missing_eeprom_fails_the_scan) {
  capture_t cap;
  i2c_capture(&cap, 0, 5000);
  i2c_decode_t d;
  ck_assert_int_eq(i2c_decode(&cap, 0, 1, &d), RIG_OK);
  analysis_t a;
  analysis_init(&a, "i2c");
  const int want[] = {0x50};
  i2c_check_scan(&d, want, 1, NULL, 0, &a);
  ck_assert_msg(mentions(&a, "0x50 is in the wiring map but did not answer on the bus"), "%s",
                buf_str(&a.problems));
  analysis_free(&a);
  // The board's own scan result is compared too.
  analysis_init(&a, "i2c");
  i2c_check_scan(&d, want, 1, want, 0, &a);
  ck_assert_msg(mentions(&a, "the board found nothing, the wiring map has 0x50"), "%s", buf_str(&a.problems));
  analysis_free(&a);
  i2c_decode_free(&d);
  capture_free(&cap);
}
END_TEST

static const uint8_t rom[8] = {0x28, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x00};

static void scratchpad(uint8_t sp[9], int16_t raw, uint8_t config) {
  const uint8_t base[9] = {0, 0, 0x4B, 0x46, 0, 0xFF, 0x0C, 0x10, 0};
  memcpy(sp, base, 9);
  sp[0] = (uint8_t)raw;
  sp[1] = (uint8_t)(raw >> 8);
  sp[4] = config;
  sp[8] = onewire_crc8(sp, 8);
}

static void onewire_capture(capture_t *cap, const uint8_t *the_rom, int corrupt) {
  capture_init(cap);
  pen_t p = pen_new(cap, "gpio12", 1);
  p.t = 1000;
  synth_ow_reset(&p, 1);
  synth_ow_search(&p, the_rom);
  synth_ow_reset(&p, 1);
  const uint8_t convert[2] = {0xCC, 0x44};
  synth_ow_bytes(&p, convert, 2);
  synth_ow_reset(&p, 1);
  uint8_t read[19] = {0x55};
  memcpy(read + 1, the_rom, 8);
  read[9] = 0xBE;
  scratchpad(read + 10, 21 * 16 + 8, 0x7F); // 21.5 C at 12 bits
  if (corrupt) read[11] ^= 0x01;            // one bit of the MSB flipped on the line
  synth_ow_bytes(&p, read, sizeof read);
  pen_hold(&p, 1, 100000);
}

START_TEST(onewire_search_crc_and_temperature) {
  uint8_t good[8];
  memcpy(good, rom, 8);
  good[7] = onewire_crc8(good, 7);
  capture_t cap;
  onewire_capture(&cap, good, 0);
  onewire_decode_t d;
  ck_assert_int_eq(onewire_decode(&cap, 0, &d), RIG_OK);
  ck_assert_uint_eq(d.count, 3);
  ck_assert(d.s[0].presence);
  ck_assert_int_eq(d.s[0].rom_cmd, 0xF0);
  ck_assert(d.s[0].has_rom);
  ck_assert_mem_eq(d.s[0].rom, good, 8);
  ck_assert_int_eq(d.s[1].func_cmd, 0x44);
  ck_assert_int_eq(d.s[2].func_cmd, 0xBE);
  ck_assert_uint_eq(d.s[2].npayload, 9);
  onewire_expect_t exp = {.nroms = 1, .temp_c = 21.5, .has_temp = 1};
  memcpy(exp.roms[0], good, 8);
  analysis_t a;
  analysis_init(&a, "onewire");
  onewire_check(&d, &exp, &a);
  ck_assert_msg(analysis_ok(&a), "%s", buf_str(&a.problems));
  ck_assert_double_eq_tol(analysis_find(&a, "presence_wait")->mean, 30, 0.001);
  ck_assert_double_eq_tol(analysis_find(&a, "reset_low")->min, 480, 0.001);
  ck_assert_double_eq_tol(analysis_find(&a, "temp_error")->max, 0, 0.0001);
  analysis_free(&a);
  // The fixture at another temperature: the check says so.
  exp.temp_c = 25.0;
  analysis_init(&a, "onewire");
  onewire_check(&d, &exp, &a);
  ck_assert_msg(mentions(&a, "temperature 21.5000 C at 12 bits read, the fixture is at 25.0000 C"), "%s",
                buf_str(&a.problems));
  analysis_free(&a);
  onewire_decode_free(&d);
  capture_free(&cap);
}
END_TEST

START_TEST(onewire_corrupted_read_fails_crc) {
  uint8_t good[8];
  memcpy(good, rom, 8);
  good[7] = onewire_crc8(good, 7);
  capture_t cap;
  onewire_capture(&cap, good, 1);
  onewire_decode_t d;
  ck_assert_int_eq(onewire_decode(&cap, 0, &d), RIG_OK);
  analysis_t a;
  analysis_init(&a, "onewire");
  onewire_check(&d, NULL, &a);
  ck_assert_msg(mentions(&a, "(reset 2): CRC8 check failed"), "%s", buf_str(&a.problems));
  ck_assert_msg(mentions(&a, "scratchpad"), "%s", buf_str(&a.problems));
  analysis_free(&a);
  onewire_decode_free(&d);
  capture_free(&cap);
}
END_TEST

START_TEST(onewire_bad_rom_and_no_presence) {
  capture_t cap;
  capture_init(&cap);
  pen_t p = pen_new(&cap, "gpio12", 1);
  uint8_t bad[8] = {0x10, 1, 2, 3, 4, 5, 6, 0};
  bad[7] = onewire_crc8(bad, 7);
  synth_ow_reset(&p, 1);
  synth_ow_search(&p, bad); // a DS18S20: wrong family
  synth_ow_reset(&p, 0);    // nobody answers
  onewire_decode_t d;
  ck_assert_int_eq(onewire_decode(&cap, 0, &d), RIG_OK);
  analysis_t a;
  analysis_init(&a, "onewire");
  onewire_check(&d, NULL, &a);
  ck_assert_msg(mentions(&a, "family 0x10, not 0x28"), "%s", buf_str(&a.problems));
  ck_assert_msg(mentions(&a, "reset 1: no presence pulse"), "%s", buf_str(&a.problems));
  analysis_free(&a);
  onewire_decode_free(&d);
  capture_free(&cap);
  ck_assert_uint_eq(onewire_crc8(rom, 0), 0);
}
END_TEST

START_TEST(uart_bytes_and_baud) {
  capture_t cap;
  capture_init(&cap);
  pen_t p = pen_new(&cap, "gpio2", 1);
  p.t = 50000;
  const uint8_t text[] = "loop\x55\x00\xff";
  synth_uart(&p, text, sizeof text - 1, 115200 * 1.01); // 1% fast
  uart_decode_t d;
  ck_assert_int_eq(uart_decode(&cap, 0, 115200, &d), RIG_OK);
  ck_assert_uint_eq(d.count, sizeof text - 1);
  ck_assert_mem_eq(d.bytes, text, sizeof text - 1);
  ck_assert_uint_eq(d.framing_errors, 0);
  analysis_t a;
  analysis_init(&a, "uart");
  uart_check(&d, 115200, 3, text, sizeof text - 1, &a);
  ck_assert_msg(analysis_ok(&a), "%s", buf_str(&a.problems));
  ck_assert_double_eq_tol(analysis_find(&a, "baud")->mean, 116352, 200);
  analysis_free(&a);
  uart_decode_free(&d);
  // Decoded at the wrong rate: wrong bytes, framing errors.
  ck_assert_int_eq(uart_decode(&cap, 0, 57600, &d), RIG_OK);
  analysis_init(&a, "uart");
  uart_check(&d, 57600, 3, text, sizeof text - 1, &a);
  ck_assert(!analysis_ok(&a));
  ck_assert_msg(mentions(&a, "byte 0:") || mentions(&a, "framing"), "%s", buf_str(&a.problems));
  analysis_free(&a);
  uart_decode_free(&d);
  capture_free(&cap);
}
END_TEST

START_TEST(pwm_frequency_and_duty) {
  capture_t cap;
  capture_init(&cap);
  pen_t p = pen_new(&cap, "gpio0", 0);
  synth_pwm(&p, 1, 3000000, 250000);  // starting: one odd period
  synth_pwm(&p, 20, 1000000, 250000); // 1 kHz, 25%
  pen_hold(&p, 1, 10);
  analysis_t a;
  analysis_init(&a, "pwm");
  pwm_check(&cap, 0, 1000, 25, 2, 2, &a);
  ck_assert_msg(analysis_ok(&a), "%s", buf_str(&a.problems));
  // The odd period shows in the figures, not in the verdict (medians).
  ck_assert_double_eq_tol(analysis_find(&a, "freq")->min, 1000.0 / 3, 0.001);
  ck_assert_double_eq_tol(analysis_find(&a, "freq")->max, 1000, 0.001);
  ck_assert_double_eq_tol(analysis_find(&a, "freq_error_pct")->max, 0, 0.001);
  ck_assert_double_eq_tol(analysis_find(&a, "duty_error")->max, 0, 0.001);
  analysis_free(&a);
  analysis_init(&a, "pwm");
  pwm_check(&cap, 0, 500, 50, 2, 2, &a);
  ck_assert_msg(mentions(&a, "freq_error_pct max 100 % above"), "%s", buf_str(&a.problems));
  ck_assert_msg(mentions(&a, "duty_error max 25 % above"), "%s", buf_str(&a.problems));
  analysis_free(&a);
  capture_free(&cap);
}
END_TEST

int main(void) {
  Suite *s = suite_create("decode");
  TCase *tc = tcase_create("analysers");
  tcase_add_test(tc, ws2812_nominal_timing_passes);
  tcase_add_test(tc, ws2812_slow_clock_fails_naming_t1h);
  tcase_add_test(tc, ws2812_one_late_bit_is_caught);
  tcase_add_test(tc, ws2812_swapped_colour_order_fails);
  tcase_add_test(tc, ws2812_missing_frame_fails);
  tcase_add_test(tc, i2c_transactions_clock_and_scan);
  tcase_add_test(tc, i2c_missing_eeprom_fails_the_scan);
  tcase_add_test(tc, onewire_search_crc_and_temperature);
  tcase_add_test(tc, onewire_corrupted_read_fails_crc);
  tcase_add_test(tc, onewire_bad_rom_and_no_presence);
  tcase_add_test(tc, uart_bytes_and_baud);
  tcase_add_test(tc, pwm_frequency_and_duty);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}
