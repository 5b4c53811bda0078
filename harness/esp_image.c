// SPDX-License-Identifier: MIT
// esp_image.c: image checks and flash arithmetic (see esp_image.h).
#include "esp_image.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uint8_t esp_checksum_more(uint8_t seed, const uint8_t *data, size_t len) {
  for (size_t i = 0; i < len; i++)
    seed ^= data[i];
  return seed;
}

uint8_t esp_checksum(const uint8_t *data, size_t len) {
  return esp_checksum_more(ESP_CHECKSUM_SEED, data, len);
}

static uint32_t le32(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int refuse(char *why, size_t whylen, const char *text) {
  if (whylen) snprintf(why, whylen, "%s", text);
  return -1;
}

// v1 layout (PROTOCOLS.md 4.1): 8-byte header; per segment load_addr,
// size, data; zero padding to length 15 mod 16; the checksum byte.
int esp_image_check(const uint8_t *buf, size_t len, size_t *image_len, char *why, size_t whylen) {
  if (len < 16) return refuse(why, whylen, "shorter than an image header");
  if (buf[0] != ESP_IMAGE_MAGIC) return refuse(why, whylen, "no 0xE9 magic at offset 0");
  int segments = buf[1];
  if (segments < 1 || segments > ESP_IMAGE_SEGMENTS_MAX)
    return refuse(why, whylen, "segment count not 1..16");
  size_t at = 8;
  uint8_t sum = ESP_CHECKSUM_SEED;
  for (int i = 0; i < segments; i++) {
    if (len - at < 8) return refuse(why, whylen, "a segment header runs past the end");
    uint32_t size = le32(buf + at + 4);
    at += 8;
    if (size > len - at) return refuse(why, whylen, "a segment runs past the end");
    sum = esp_checksum_more(sum, buf + at, size);
    at += size;
  }
  size_t end = (at | 15); // the checksum byte's offset
  if (end >= len) return refuse(why, whylen, "the checksum byte is missing");
  if (buf[end] != sum) {
    if (whylen)
      snprintf(why, whylen, "checksum byte at 0x%zx is 0x%02x, the segments give 0x%02x", end, buf[end], sum);
    return -1;
  }
  if (image_len) *image_len = end + 1;
  return 0;
}

static const struct {
  uint32_t bytes;
  int nibble;
} sizes[] = {{512u << 10, 0}, {256u << 10, 1}, {1u << 20, 2}, {2u << 20, 3},
             {4u << 20, 4},   {8u << 20, 8},   {16u << 20, 9}};

int esp_size_nibble(uint32_t bytes) {
  for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
    if (sizes[i].bytes == bytes) return sizes[i].nibble;
  return -1;
}

uint32_t esp_nibble_size(int nibble) {
  if (nibble == 5) return 2u << 20; // 2MB-c1
  if (nibble == 6) return 4u << 20; // 4MB-c1
  for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
    if (sizes[i].nibble == nibble) return sizes[i].bytes;
  return 0;
}

int esp_image_patch_size(uint8_t *buf, size_t len, uint32_t bytes, char *why, size_t whylen) {
  int nibble = esp_size_nibble(bytes);
  if (nibble < 0) return refuse(why, whylen, "no header size code for that flash size");
  if (esp_image_check(buf, len, NULL, why, whylen) < 0) return -1;
  buf[3] = (uint8_t)((nibble << 4) | (buf[3] & 0x0f));
  return 0;
}

uint32_t esp_jedec_size(uint32_t jedec) {
  uint8_t code = (uint8_t)(jedec >> 16);
  if (esp_jedec_manufacturer(jedec) == 0x1f) { // Adesto: (id >> 8) & 0x1F, 4 = 512 KB
    int n = (jedec >> 8) & 0x1f;
    return n >= 4 && n <= 9 ? (512u << 10) << (n - 4) : 0;
  }
  if (code >= 0x12 && code <= 0x19) return 1u << code; // 0x12 = 256 KB ... 0x19 = 32 MB
  if (code >= 0x32 && code <= 0x3a) return 1u << (code - 0x20);
  return 0;
}

uint8_t esp_jedec_manufacturer(uint32_t jedec) {
  return (uint8_t)jedec;
}

uint16_t esp_jedec_device(uint32_t jedec) {
  return (uint16_t)((((jedec >> 8) & 0xff) << 8) | ((jedec >> 16) & 0xff));
}

const char *esp_jedec_vendor(uint8_t m) {
  switch (m) {
  case 0xef: return "Winbond";
  case 0xc8: return "GigaDevice";
  case 0xe0: return "Berg Micro";
  case 0x85: return "Puya";
  case 0x20: return "XMC/Micron";
  case 0xc2: return "Macronix";
  case 0x1c: return "EON";
  case 0x5e: return "Zbit";
  case 0x1f: return "Adesto";
  case 0x68: return "Boya";
  default: return "unknown";
  }
}

uint32_t esp_rom_erase_size(uint32_t offset, uint32_t size) {
  uint32_t sectors = (size + 4095) / 4096;
  uint32_t start = offset / 4096;
  uint32_t head = 16 - start % 16;
  if (sectors < head) head = sectors;
  if (sectors < 2 * head) return (sectors + 1) / 2 * 4096;
  return (sectors - head) * 4096;
}

uint32_t esp_parse_size(const char *text) {
  char *end;
  unsigned long long v = strtoull(text, &end, 10);
  if (end == text) return 0;
  if (*end == 'K' || *end == 'k')
    v <<= 10, end++;
  else if (*end == 'M' || *end == 'm')
    v <<= 20, end++;
  if (*end == 'B' || *end == 'b') end++;
  if (*end || v == 0 || v > (16ull << 20)) return 0;
  return (uint32_t)v;
}

int esp_parse_flash_mode(const char *text) {
  static const char *const modes[] = {"qio", "qout", "dio", "dout"};
  for (int i = 0; i < 4; i++)
    if (!strcmp(text, modes[i])) return i;
  return -1;
}

int esp_parse_flash_freq(const char *text) {
  if (!strcmp(text, "40m")) return 0x0;
  if (!strcmp(text, "26m")) return 0x1;
  if (!strcmp(text, "20m")) return 0x2;
  if (!strcmp(text, "80m")) return 0xf;
  return -1;
}

// refuse() for the functions that return a length: 0 means refused.
static size_t refuse_size(char *why, size_t whylen, const char *text) {
  refuse(why, whylen, text);
  return 0;
}

static uint32_t padded4(uint32_t n) {
  return (n + 3u) & ~3u;
}

static void put_le32(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)v, p[1] = (uint8_t)(v >> 8), p[2] = (uint8_t)(v >> 16), p[3] = (uint8_t)(v >> 24);
}

size_t esp_image_v1_size(const esp_segment_t *segments, int count) {
  size_t at = 8;
  for (int i = 0; i < count; i++)
    at += 8 + padded4(segments[i].size);
  return (at | 15) + 1; // the checksum byte ends a 16-byte line
}

size_t esp_image_v1_write(const esp_segment_t *segments, int count, uint8_t mode, uint8_t size_freq,
                          uint32_t entry, uint8_t *out, size_t cap, char *why, size_t whylen) {
  if (count < 1 || count > ESP_IMAGE_SEGMENTS_MAX) return refuse_size(why, whylen, "segment count not 1..16");
  for (int i = 0; i < count; i++)
    if (segments[i].size > (1u << 24)) return refuse_size(why, whylen, "a segment over 16 MiB");
  size_t total = esp_image_v1_size(segments, count);
  if (total > cap) return refuse_size(why, whylen, "the output buffer is too small");
  memset(out, 0, total);
  out[0] = ESP_IMAGE_MAGIC;
  out[1] = (uint8_t)count;
  out[2] = mode;
  out[3] = size_freq;
  put_le32(out + 4, entry);
  size_t at = 8;
  uint8_t sum = ESP_CHECKSUM_SEED;
  for (int i = 0; i < count; i++) {
    uint32_t size = padded4(segments[i].size);
    put_le32(out + at, segments[i].addr);
    put_le32(out + at + 4, size);
    at += 8;
    if (segments[i].size) memcpy(out + at, segments[i].data, segments[i].size);
    // The zero padding leaves the xor as it is; it is summed all the same.
    sum = esp_checksum_more(sum, out + at, size);
    at += size;
  }
  out[total - 1] = sum;
  return total;
}

size_t esp_flash_image_combine(const uint8_t *v1, size_t v1_len, const uint8_t *irom, size_t irom_len,
                               uint32_t irom_offset, uint32_t fs_offset, uint8_t *out, size_t cap, char *why,
                               size_t whylen) {
  if (v1_len > irom_offset) return refuse_size(why, whylen, "the v1 image runs into the irom0 offset");
  if (irom_offset > fs_offset || irom_len > fs_offset - irom_offset)
    return refuse_size(why, whylen, "irom0 runs into the filesystem offset");
  size_t total = irom_offset + irom_len;
  if (total > cap) return refuse_size(why, whylen, "the output buffer is too small");
  memcpy(out, v1, v1_len);
  memset(out + v1_len, 0xff, irom_offset - v1_len); // erased flash
  if (irom_len) memcpy(out + irom_offset, irom, irom_len);
  return total;
}
