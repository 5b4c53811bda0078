// SPDX-License-Identifier: MIT
// test_esp_image.c: the v1 image writer, the combined flash image, the ELF
// reader and the esp_mkimage tool, checked against PROTOCOLS.md 4.1 by
// parsing back what they wrote, with the rig's own image reader
// (esp_image_check) as the judge. Negative controls: a corrupted checksum,
// a flipped data bit and a truncated image are rejected by that reader.
//
// Arguments: [1] the esp_mkimage program (optional), [2] a v1 image built
// from the real firmware (optional; checked when given).
#include "elf32.h"
#include "esp_image.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *mkimage_path;
static const char *firmware_image_path;

static uint32_t rd32(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void wr32(uint8_t *p, uint32_t v) {
  for (int i = 0; i < 4; i++)
    p[i] = (uint8_t)(v >> (8 * i));
}

static void wr16(uint8_t *p, uint16_t v) {
  p[0] = (uint8_t)v, p[1] = (uint8_t)(v >> 8);
}

// Three segments with sizes that need padding (5 and 1) and one that
// does not (16); data bytes that differ from segment to segment.
static uint8_t seg_a[5] = {1, 2, 3, 4, 5};
static uint8_t seg_b[16];
static uint8_t seg_c[1] = {0xA5};
static esp_segment_t segs[3];

static void setup_segments(void) {
  for (int i = 0; i < 16; i++)
    seg_b[i] = (uint8_t)(0x30 + 7 * i);
  segs[0] = (esp_segment_t){.addr = 0x40100000, .data = seg_a, .size = sizeof seg_a};
  segs[1] = (esp_segment_t){.addr = 0x3FFE8000, .data = seg_b, .size = sizeof seg_b};
  segs[2] = (esp_segment_t){.addr = 0x3FFE9000, .data = seg_c, .size = sizeof seg_c};
}

START_TEST(v1_writer_parses_back) {
  setup_segments();
  uint8_t img[256];
  char why[160];
  size_t len = esp_image_v1_write(segs, 3, 2, 0x20, 0x40100004, img, sizeof img, why, sizeof why);
  // 8 header + (8+8) + (8+16) + (8+4) = 60 data bytes, then padding and
  // the checksum to 64.
  ck_assert_uint_eq(len, 64);
  ck_assert_uint_eq(len, esp_image_v1_size(segs, 3));
  ck_assert_uint_eq(len % 16, 0);
  ck_assert_uint_eq(img[0], 0xE9);
  ck_assert_uint_eq(img[1], 3);
  ck_assert_uint_eq(img[2], 2);
  ck_assert_uint_eq(img[3], 0x20);
  ck_assert_uint_eq(rd32(img + 4), 0x40100004);
  // Walk the segments by hand; sum the data the way 4.1 says.
  size_t at = 8;
  uint8_t sum = 0xEF;
  for (int s = 0; s < 3; s++) {
    ck_assert_uint_eq(rd32(img + at), segs[s].addr);
    uint32_t size = rd32(img + at + 4);
    ck_assert_uint_eq(size % 4, 0);
    ck_assert_uint_eq(size, (segs[s].size + 3) & ~3u);
    at += 8;
    ck_assert_int_eq(memcmp(img + at, segs[s].data, segs[s].size), 0);
    for (uint32_t i = segs[s].size; i < size; i++)
      ck_assert_uint_eq(img[at + i], 0); // zero padding
    for (uint32_t i = 0; i < size; i++)
      sum ^= img[at + i];
    at += size;
  }
  for (; at < len - 1; at++)
    ck_assert_uint_eq(img[at], 0);
  ck_assert_uint_eq(img[len - 1], sum);
  // The rig's reader (the flasher's check) agrees.
  size_t covered = 0;
  ck_assert_int_eq(esp_image_check(img, len, &covered, why, sizeof why), 0);
  ck_assert_uint_eq(covered, len);
}
END_TEST

// Negative controls: the reader must refuse what the writer did not write.
START_TEST(corrupt_checksum_rejected) {
  setup_segments();
  uint8_t img[256];
  char why[160];
  size_t len = esp_image_v1_write(segs, 3, 0, 0, 0x40100000, img, sizeof img, why, sizeof why);
  ck_assert_uint_gt(len, 0);
  img[len - 1] ^= 0x40;
  ck_assert_int_eq(esp_image_check(img, len, NULL, why, sizeof why), -1);
  ck_assert_ptr_nonnull(strstr(why, "checksum"));
  img[len - 1] ^= 0x40; // restored: accepted again
  ck_assert_int_eq(esp_image_check(img, len, NULL, why, sizeof why), 0);
  img[8 + 8 + 2] ^= 0x01; // a data bit of segment 0
  ck_assert_int_eq(esp_image_check(img, len, NULL, why, sizeof why), -1);
  img[8 + 8 + 2] ^= 0x01;
  ck_assert_int_eq(esp_image_check(img, len - 16, NULL, why, sizeof why), -1); // cut short
  img[0] = 0xEA;
  ck_assert_int_eq(esp_image_check(img, len, NULL, why, sizeof why), -1);
}
END_TEST

START_TEST(v1_writer_refuses) {
  setup_segments();
  uint8_t img[256];
  char why[160];
  ck_assert_uint_eq(esp_image_v1_write(segs, 0, 0, 0, 0, img, sizeof img, why, sizeof why), 0);
  esp_segment_t many[17];
  for (int i = 0; i < 17; i++)
    many[i] = segs[2];
  ck_assert_uint_eq(esp_image_v1_write(many, 17, 0, 0, 0, img, sizeof img, why, sizeof why), 0);
  ck_assert_uint_eq(esp_image_v1_write(segs, 3, 0, 0, 0, img, 63, why, sizeof why), 0);
  ck_assert_ptr_nonnull(strstr(why, "small"));
}
END_TEST

START_TEST(flash_modes_and_freqs) {
  ck_assert_int_eq(esp_parse_flash_mode("qio"), 0);
  ck_assert_int_eq(esp_parse_flash_mode("dout"), 3);
  ck_assert_int_eq(esp_parse_flash_mode("fast"), -1);
  ck_assert_int_eq(esp_parse_flash_freq("80m"), 0xF);
  ck_assert_int_eq(esp_parse_flash_freq("26m"), 1);
  ck_assert_int_eq(esp_parse_flash_freq("33m"), -1);
}
END_TEST

START_TEST(combined_image_layout) {
  setup_segments();
  uint8_t v1[256], irom[100], out[0x2000];
  char why[160];
  size_t v1_len = esp_image_v1_write(segs, 3, 0, 0, 0, v1, sizeof v1, why, sizeof why);
  for (int i = 0; i < 100; i++)
    irom[i] = (uint8_t)i;
  size_t len =
      esp_flash_image_combine(v1, v1_len, irom, 100, 0x1000, 0x2000, out, sizeof out, why, sizeof why);
  ck_assert_uint_eq(len, 0x1000 + 100);
  ck_assert_int_eq(memcmp(out, v1, v1_len), 0);
  for (size_t i = v1_len; i < 0x1000; i++)
    ck_assert_uint_eq(out[i], 0xFF);
  ck_assert_int_eq(memcmp(out + 0x1000, irom, 100), 0);
  ck_assert_int_eq(esp_image_check(out, len, NULL, why, sizeof why), 0);
  // irom0 reaching the filesystem, and a v1 image reaching irom0: refused.
  ck_assert_uint_eq(
      esp_flash_image_combine(v1, v1_len, irom, 100, 0x1000, 0x1040, out, sizeof out, why, sizeof why), 0);
  ck_assert_ptr_nonnull(strstr(why, "filesystem"));
  ck_assert_uint_eq(
      esp_flash_image_combine(v1, v1_len, irom, 100, 32, 0x2000, out, sizeof out, why, sizeof why), 0);
}
END_TEST

// A minimal Xtensa ELF executable: header, three program headers (IRAM,
// DRAM with a .bss-only tail, irom0) and one .bss-only segment, data.
#define ELF_LEN 512
static size_t make_elf(uint8_t *buf) {
  memset(buf, 0, ELF_LEN);
  memcpy(buf, "\177ELF", 4);
  buf[4] = 1, buf[5] = 1, buf[6] = 1;
  wr16(buf + 16, 2);  // ET_EXEC
  wr16(buf + 18, 94); // EM_XTENSA
  wr32(buf + 20, 1);
  wr32(buf + 24, 0x40100010); // entry
  wr32(buf + 28, 52);         // phoff
  wr16(buf + 40, 52);
  wr16(buf + 42, 32);
  wr16(buf + 44, 4);
  const struct {
    uint32_t addr, offset, filesz, memsz;
  } ph[4] = {{0x40100000, 256, 24, 24},
             {0x3FFE8000, 288, 10, 4096},
             {0x3FFE9000, 0, 0, 512}, // .bss only: not in the image
             {0x40210000, 320, 40, 40}};
  for (int i = 0; i < 4; i++) {
    uint8_t *p = buf + 52 + 32 * i;
    wr32(p, 1); // PT_LOAD
    wr32(p + 4, ph[i].offset);
    wr32(p + 8, ph[i].addr);
    wr32(p + 12, ph[i].addr);
    wr32(p + 16, ph[i].filesz);
    wr32(p + 20, ph[i].memsz);
  }
  for (int i = 256; i < 360; i++)
    buf[i] = (uint8_t)(i * 13);
  return ELF_LEN;
}

START_TEST(elf_reader_segments) {
  uint8_t buf[ELF_LEN];
  size_t len = make_elf(buf);
  elf32_image_t elf;
  char why[160];
  ck_assert_int_eq(elf32_read(buf, len, &elf, why, sizeof why), 0);
  ck_assert_uint_eq(elf.machine, 94);
  ck_assert_uint_eq(elf.entry, 0x40100010);
  ck_assert_int_eq(elf.count, 3);
  ck_assert_uint_eq(elf.segments[1].addr, 0x3FFE8000);
  ck_assert_uint_eq(elf.segments[1].size, 10);
  ck_assert_ptr_eq(elf.segments[1].data, buf + 288);
  ck_assert_uint_eq(elf.segments[2].addr, 0x40210000);
  // Not ELF, big-endian, a segment past the end: refused.
  buf[1] = 'X';
  ck_assert_int_eq(elf32_read(buf, len, &elf, why, sizeof why), -1);
  len = make_elf(buf);
  buf[5] = 2;
  ck_assert_int_eq(elf32_read(buf, len, &elf, why, sizeof why), -1);
  len = make_elf(buf);
  wr32(buf + 52 + 32 * 3 + 16, 4000);
  ck_assert_int_eq(elf32_read(buf, len, &elf, why, sizeof why), -1);
  ck_assert_ptr_nonnull(strstr(why, "past the end"));
}
END_TEST

static uint8_t *read_all(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  static uint8_t buf[1 << 20];
  *len = fread(buf, 1, sizeof buf, f);
  fclose(f);
  return buf;
}

// Runs esp_mkimage with [fs_offset] on [elf]; returns its exit status.
static int run_mkimage(const char *elf, const char *base, const char *fs_offset) {
  pid_t pid = fork();
  if (pid == 0) {
    if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr)) _exit(126);
    execl(mkimage_path, mkimage_path, "--flash-mode", "dout", "--flash-size", "4M", "--fs-offset", fs_offset,
          "--out", base, elf, (char *)NULL);
    _exit(127);
  }
  int status;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

START_TEST(tool_writes_three_files) {
  if (!mkimage_path) return; // not given: the library tests above stand
  const char *tmp = getenv("TMPDIR");
  char dir[256];
  snprintf(dir, sizeof dir, "%s/test_esp_image_XXXXXX", tmp && *tmp ? tmp : "/tmp");
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char elf_path[300], base[300], path[320];
  snprintf(elf_path, sizeof elf_path, "%s/fw.elf", dir);
  snprintf(base, sizeof base, "%s/fw", dir);
  uint8_t elf[ELF_LEN];
  make_elf(elf);
  FILE *f = fopen(elf_path, "wb");
  ck_assert_ptr_nonnull(f);
  ck_assert_uint_eq(fwrite(elf, 1, ELF_LEN, f), ELF_LEN);
  fclose(f);
  ck_assert_int_eq(run_mkimage(elf_path, base, "0x20000"), 0);

  // The v1 image: IRAM and DRAM segments only, entry from the ELF, mode
  // and size as asked, and the rig's reader accepts it.
  size_t len;
  snprintf(path, sizeof path, "%s-0x00000.bin", base);
  uint8_t *img = read_all(path, &len);
  ck_assert_ptr_nonnull(img);
  char why[160];
  size_t covered;
  ck_assert_int_eq(esp_image_check(img, len, &covered, why, sizeof why), 0);
  ck_assert_uint_eq(covered, len);
  ck_assert_uint_eq(img[1], 2);
  ck_assert_uint_eq(img[2], 3);    // dout
  ck_assert_uint_eq(img[3], 0x40); // 4 MB, 40 MHz
  ck_assert_uint_eq(rd32(img + 4), 0x40100010);
  ck_assert_uint_eq(rd32(img + 8), 0x40100000);
  ck_assert_uint_eq(rd32(img + 12), 24);
  ck_assert_int_eq(memcmp(img + 16, elf + 256, 24), 0);
  ck_assert_uint_eq(rd32(img + 40), 0x3FFE8000);
  ck_assert_uint_eq(rd32(img + 44), 12); // 10 padded to 12
  uint8_t v1[256];
  size_t v1_len = len;
  memcpy(v1, img, len);

  // irom0 at its flash offset, alone and in the combined file.
  snprintf(path, sizeof path, "%s-0x10000.bin", base);
  img = read_all(path, &len);
  ck_assert_ptr_nonnull(img);
  ck_assert_uint_eq(len, 40);
  ck_assert_int_eq(memcmp(img, elf + 320, 40), 0);
  snprintf(path, sizeof path, "%s.bin", base);
  img = read_all(path, &len);
  ck_assert_ptr_nonnull(img);
  ck_assert_uint_eq(len, 0x10000 + 40);
  ck_assert_int_eq(memcmp(img, v1, v1_len), 0);
  ck_assert_uint_eq(img[v1_len], 0xFF);
  ck_assert_uint_eq(img[0xFFFF], 0xFF);
  ck_assert_int_eq(memcmp(img + 0x10000, elf + 320, 40), 0);

  // Negative: a filesystem offset inside irom0 fails the tool.
  ck_assert_int_eq(run_mkimage(elf_path, base, "0x10000"), 1);
  // Negative: not an ELF.
  f = fopen(elf_path, "wb");
  fputs("not an elf at all, just text", f);
  fclose(f);
  ck_assert_int_eq(run_mkimage(elf_path, base, "0x20000"), 1);
  char cmd[320];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
}
END_TEST

// The image the firmware build wrote: the reader accepts it, and its
// segments are where the chip's ROM can load them (IRAM and DRAM).
START_TEST(firmware_image_checks) {
  if (!firmware_image_path) return;
  size_t len;
  uint8_t *img = read_all(firmware_image_path, &len);
  ck_assert_ptr_nonnull(img);
  char why[160];
  size_t covered;
  ck_assert_msg(esp_image_check(img, len, &covered, why, sizeof why) == 0, "%s", why);
  ck_assert_uint_eq(covered, len);
  uint32_t entry = rd32(img + 4);
  ck_assert_msg(entry >= 0x40100000 && entry < 0x40108000, "entry 0x%08x not in IRAM", entry);
  size_t at = 8;
  for (int s = 0; s < img[1]; s++) {
    uint32_t addr = rd32(img + at), size = rd32(img + at + 4);
    int iram = addr >= 0x40100000 && addr + size <= 0x40108000;
    int dram = addr >= 0x3FFE8000 && addr + size <= 0x3FFFC000;
    ck_assert_msg(iram || dram, "segment %d at 0x%08x (%u B) is neither IRAM nor DRAM", s, addr, size);
    at += 8 + size;
  }
}
END_TEST

int main(int argc, char **argv) {
  mkimage_path = argc > 1 ? argv[1] : NULL;
  firmware_image_path = argc > 2 ? argv[2] : NULL;
  Suite *s = suite_create("esp_image");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, v1_writer_parses_back);
  tcase_add_test(tc, corrupt_checksum_rejected);
  tcase_add_test(tc, v1_writer_refuses);
  tcase_add_test(tc, flash_modes_and_freqs);
  tcase_add_test(tc, combined_image_layout);
  tcase_add_test(tc, elf_reader_segments);
  tcase_add_test(tc, tool_writes_three_files);
  tcase_add_test(tc, firmware_image_checks);
  tcase_set_timeout(tc, 60);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}
