// SPDX-License-Identifier: MIT
// esp_image.h: ESP8266 image and flash facts the flasher needs
// (PROTOCOLS.md 3.4, 3.7, 3.8, 3.10, 4.1): the data checksum, the v1 image
// header and its checker, the header's flash-size nibble, JEDEC ID
// decoding, and the size the ROM's FLASH_BEGIN must be told; and the
// writer of v1 images and of combined flash images (4.1, 4.2).
#ifndef RIG_ESP_IMAGE_H
#define RIG_ESP_IMAGE_H

#include <stddef.h>
#include <stdint.h>

#define ESP_IMAGE_MAGIC 0xe9
#define ESP_CHECKSUM_SEED 0xef
#define ESP_IMAGE_SEGMENTS_MAX 16

// 0xEF XORed with every byte of [data] (FLASH_DATA/MEM_DATA checksum, and
// the v1 image's footer byte over all segment data).
uint8_t esp_checksum(const uint8_t *data, size_t len);
// Continues a checksum: [seed] is a previous result.
uint8_t esp_checksum_more(uint8_t seed, const uint8_t *data, size_t len);

// Checks that [buf] starts with a well-formed v1 image: magic, 1..16
// segments that fit, padding and the checksum byte. Returns 0, or -1 with
// the reason in [why]. *image_len: bytes the v1 image covers (may be NULL).
int esp_image_check(const uint8_t *buf, size_t len, size_t *image_len, char *why, size_t whylen);

// Header byte 3's size nibble for [bytes] (512K, 1M, 2M, 4M, 8M, 16M;
// the plain layouts, not the -c1 ones), or -1.
int esp_size_nibble(uint32_t bytes);
// Bytes for a size nibble, or 0 for one unknown.
uint32_t esp_nibble_size(int nibble);

// Sets the size nibble of header byte 3 in [buf] to the one for [bytes],
// keeping the frequency nibble. The image must pass esp_image_check
// (a header on random bytes is refused). Returns 0, or -1 with [why].
int esp_image_patch_size(uint8_t *buf, size_t len, uint32_t bytes, char *why, size_t whylen);

// Flash size in bytes from a JEDEC word (PROTOCOLS.md 3.8), 0 when the
// capacity code is unknown.
uint32_t esp_jedec_size(uint32_t jedec);
uint8_t esp_jedec_manufacturer(uint32_t jedec);
uint16_t esp_jedec_device(uint32_t jedec);
// A manufacturer's name for the common codes, else "unknown".
const char *esp_jedec_vendor(uint8_t manufacturer);

// What FLASH_BEGIN must carry as erase_size for the ROM loader to erase
// exactly [size] bytes at [offset] (the ROM's erase-size bug, 3.7).
uint32_t esp_rom_erase_size(uint32_t offset, uint32_t size);

// Parses "512K", "1M", "4M", "4MB", "1048576". Returns 0 when invalid.
uint32_t esp_parse_size(const char *text);

// ---- Writing images ----

// The flash window the cache maps (irom0): an ELF segment loaded here is
// not part of the v1 image but raw bytes at flash offset addr - base.
#define ESP_IROM_BASE 0x40200000u
#define ESP_IROM_END 0x40300000u

// One segment of a v1 image: [size] bytes at [data], loaded by the ROM at
// [addr].
typedef struct {
  uint32_t addr;
  const uint8_t *data;
  uint32_t size;
} esp_segment_t;

// Header byte 2 for "qio", "qout", "dio", "dout" (3.10), or -1.
int esp_parse_flash_mode(const char *text);
// Header byte 3's low nibble for "40m", "26m", "20m", "80m", or -1.
int esp_parse_flash_freq(const char *text);

// Bytes the v1 image of [segments] takes: header, each segment's header
// and data padded to 4 bytes, zero padding and the checksum byte to a
// multiple of 16.
size_t esp_image_v1_size(const esp_segment_t *segments, int count);

// Writes the v1 image of [count] (1..16) [segments] into [out] (room for
// [cap] bytes): magic 0xE9, the count, [mode], [size_freq], [entry], the
// segments each padded with zeros to 4 bytes, zero padding and the
// checksum byte (0xEF xor every segment data byte) at the end of a
// 16-byte line. Returns the bytes written, or 0 with the reason in [why].
size_t esp_image_v1_write(const esp_segment_t *segments, int count, uint8_t mode, uint8_t size_freq,
                          uint32_t entry, uint8_t *out, size_t cap, char *why, size_t whylen);

// Lays out one file for flash offset 0: the v1 image [v1] ([v1_len]
// bytes), 0xFF up to [irom_offset], the irom0 bytes [irom]. Refuses when
// the v1 image reaches irom_offset or the irom0 bytes reach [fs_offset]
// (the filesystem's first byte; the file ends below it). [out] holds
// [cap] bytes. Returns the file's length, or 0 with [why].
size_t esp_flash_image_combine(const uint8_t *v1, size_t v1_len, const uint8_t *irom, size_t irom_len,
                               uint32_t irom_offset, uint32_t fs_offset, uint8_t *out, size_t cap, char *why,
                               size_t whylen);

#endif
