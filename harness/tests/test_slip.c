// SPDX-License-Identifier: MIT
// SLIP framing, the ROM checksum, the erase-size arithmetic, JEDEC sizes
// and the image header patcher (with a corrupted image as the negative
// control).
#include "esp_image.h"
#include "slip.h"

#include <check.h>
#include <string.h>

START_TEST(slip_escapes_both_specials) {
  const uint8_t in[] = {0x01, 0xc0, 0x02, 0xdb, 0x03};
  uint8_t out[SLIP_ENCODED_MAX(sizeof in)];
  size_t n = slip_encode(in, sizeof in, out);
  const uint8_t want[] = {0xc0, 0x01, 0xdb, 0xdc, 0x02, 0xdb, 0xdd, 0x03, 0xc0};
  ck_assert_uint_eq(n, sizeof want);
  ck_assert_mem_eq(out, want, n);
}
END_TEST

START_TEST(slip_round_trip_and_noise) {
  uint8_t in[300], wire[SLIP_ENCODED_MAX(300)], frame[400];
  for (int i = 0; i < 300; i++)
    in[i] = (uint8_t)(i * 7);
  size_t n = slip_encode(in, sizeof in, wire);
  slip_decoder_t d;
  slip_decoder_init(&d, frame, sizeof frame);
  const char *noise = "ets Jan  8 2013,rst cause:2";
  for (const char *p = noise; *p; p++)
    ck_assert_int_eq(slip_decode_byte(&d, (uint8_t)*p), 0);
  int frames = 0;
  for (size_t i = 0; i < n; i++)
    frames += slip_decode_byte(&d, wire[i]);
  ck_assert_int_eq(frames, 1);
  ck_assert_uint_eq(d.len, sizeof in);
  ck_assert_mem_eq(frame, in, sizeof in);
  ck_assert_uint_eq(d.noise, strlen(noise));
  // A second C0 right after the frame is not a second (empty) frame.
  ck_assert_int_eq(slip_decode_byte(&d, 0xc0), 0);
}
END_TEST

START_TEST(slip_drops_bad_escape_and_overflow) {
  uint8_t frame[4];
  slip_decoder_t d;
  slip_decoder_init(&d, frame, sizeof frame);
  const uint8_t bad[] = {0xc0, 0x01, 0xdb, 0x05, 0xc0};
  int frames = 0;
  for (size_t i = 0; i < sizeof bad; i++)
    frames += slip_decode_byte(&d, bad[i]);
  ck_assert_int_eq(frames, 0);
  const uint8_t big[] = {0xc0, 1, 2, 3, 4, 5, 0xc0, 9, 0xc0};
  for (size_t i = 0; i < sizeof big; i++)
    frames += slip_decode_byte(&d, big[i]);
  ck_assert_int_eq(frames, 1); // only the one-byte frame after the overflow
  ck_assert_uint_eq(d.len, 1);
  ck_assert_uint_eq(frame[0], 9);
}
END_TEST

START_TEST(checksum_seed_and_xor) {
  ck_assert_uint_eq(esp_checksum(NULL, 0), 0xef);
  const uint8_t d[] = {0x01, 0x02, 0xff};
  ck_assert_uint_eq(esp_checksum(d, 3), 0xef ^ 0x01 ^ 0x02 ^ 0xff);
  uint8_t block[1024];
  memset(block, 0xff, sizeof block); // an even count of 0xFF cancels out
  ck_assert_uint_eq(esp_checksum(block, sizeof block), 0xef);
}
END_TEST

// The ROM erases count + min(head, count) sectors for a count it is sent;
// esp_rom_erase_size must make that cover the real size exactly (or one
// sector more when the count is odd and below two heads, as esptool).
static uint32_t rom_erased(uint32_t offset, uint32_t erase_size) {
  uint32_t n = (erase_size + 4095) / 4096, head = 16 - (offset / 4096) % 16;
  return n + (head < n ? head : n);
}

START_TEST(erase_size_compensates_the_rom_bug) {
  ck_assert_uint_eq(esp_rom_erase_size(0, 0), 0);
  ck_assert_uint_eq(esp_rom_erase_size(0, 4096), 4096);           // 1 sector: ROM erases 2
  ck_assert_uint_eq(esp_rom_erase_size(0, 1u << 20), 240 * 4096); // 256 - 16
  for (uint32_t off = 0; off < 64 * 4096; off += 4096)
    for (uint32_t size = 4096; size < 600 * 4096; size += 4096 * 7) {
      uint32_t want = size / 4096, got = rom_erased(off, esp_rom_erase_size(off, size));
      ck_assert_msg(got == want || (got == want + 1 && want % 2), "off %u size %u: %u sectors", off, size,
                    got);
    }
}
END_TEST

START_TEST(jedec_sizes) {
  ck_assert_uint_eq(esp_jedec_size(0x146085), 1u << 20);
  ck_assert_uint_eq(esp_jedec_size(0x1640ef), 4u << 20);
  ck_assert_uint_eq(esp_jedec_size(0x1340ef), 512u << 10);
  ck_assert_uint_eq(esp_jedec_size(0x0040ef), 0);
  ck_assert_uint_eq(esp_jedec_device(0x146085), 0x6014);
  ck_assert_uint_eq(esp_parse_size("1M"), 1u << 20);
  ck_assert_uint_eq(esp_parse_size("512K"), 512u << 10);
  ck_assert_uint_eq(esp_parse_size("4MB"), 4u << 20);
  ck_assert_uint_eq(esp_parse_size("lots"), 0);
}
END_TEST

// A v1 image: header, two segments, padding, checksum byte.
static size_t make_image(uint8_t *img) {
  memset(img, 0, 64);
  img[0] = 0xe9, img[1] = 2, img[2] = 0, img[3] = 0x40; // 4 MB, 40 MHz
  size_t at = 8;
  uint8_t sum = 0xef;
  for (int s = 0; s < 2; s++) {
    img[at + 4] = 8; // size 8
    at += 8;
    for (int i = 0; i < 8; i++) {
      img[at + i] = (uint8_t)(0x11 * (i + 1) + s);
      sum ^= img[at + i];
    }
    at += 8;
  }
  img[at | 15] = sum;
  return (at | 15) + 1;
}

START_TEST(header_patch_sets_size_nibble) {
  uint8_t img[64];
  size_t len = make_image(img);
  char why[128];
  size_t covered = 0;
  ck_assert_int_eq(esp_image_check(img, len, &covered, why, sizeof why), 0);
  ck_assert_uint_eq(covered, len);
  ck_assert_int_eq(esp_image_patch_size(img, len, 1u << 20, why, sizeof why), 0);
  ck_assert_uint_eq(img[3], 0x20); // 1 MB, frequency kept
  ck_assert_int_eq(esp_image_patch_size(img, len, 512u << 10, why, sizeof why), 0);
  ck_assert_uint_eq(img[3], 0x00);
  ck_assert_int_eq(esp_image_check(img, len, NULL, why, sizeof why), 0); // byte 3 is not checksummed
}
END_TEST

START_TEST(header_patch_rejects_corrupt_image) {
  uint8_t img[64];
  size_t len = make_image(img);
  char why[128];
  img[20] ^= 0x01; // one data bit flipped: the checksum no longer matches
  ck_assert_int_eq(esp_image_check(img, len, NULL, why, sizeof why), -1);
  ck_assert_ptr_nonnull(strstr(why, "checksum"));
  uint8_t before = img[3];
  ck_assert_int_eq(esp_image_patch_size(img, len, 1u << 20, why, sizeof why), -1);
  ck_assert_uint_eq(img[3], before); // untouched
  len = make_image(img);
  img[1] = 17; // too many segments
  ck_assert_int_eq(esp_image_check(img, len, NULL, why, sizeof why), -1);
  len = make_image(img);
  ck_assert_int_eq(esp_image_check(img, len - 1, NULL, why, sizeof why), -1); // truncated
  img[0] = 0xea;
  ck_assert_int_eq(esp_image_check(img, len, NULL, why, sizeof why), -1);
}
END_TEST

int main(void) {
  Suite *s = suite_create("slip");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, slip_escapes_both_specials);
  tcase_add_test(tc, slip_round_trip_and_noise);
  tcase_add_test(tc, slip_drops_bad_escape_and_overflow);
  tcase_add_test(tc, checksum_seed_and_xor);
  tcase_add_test(tc, erase_size_compensates_the_rom_bug);
  tcase_add_test(tc, jedec_sizes);
  tcase_add_test(tc, header_patch_sets_size_nibble);
  tcase_add_test(tc, header_patch_rejects_corrupt_image);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}
