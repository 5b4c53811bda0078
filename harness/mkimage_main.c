// SPDX-License-Identifier: MIT
// mkimage_main.c: esp_mkimage, the firmware ELF to ESP8266 flash files.
//
//   esp_mkimage [--flash-mode dio] [--flash-size 1M] [--flash-freq 40m]
//               [--fs-offset 0x90000] --out BASE FIRMWARE.elf
//
// writes, from the ELF's loadable segments (PROTOCOLS.md 4.1, 4.2):
//   BASE-0x00000.bin  the v1 image of every segment outside irom0 (IRAM
//                     code, DRAM data), for flash offset 0
//   BASE-0xNNNNN.bin  the irom0 bytes, for flash offset NNNNN (their
//                     address - 0x40200000)
//   BASE.bin          both in one file for offset 0, 0xFF between them,
//                     ending below the filesystem at --fs-offset
// and prints what went where. Exit status 0, 1 when the ELF does not make
// an image, 2 on a usage error.
#include "elf32.h"
#include "esp_image.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *to) {
  fprintf(to, "usage: esp_mkimage [--flash-mode qio|qout|dio|dout] [--flash-size 512K|1M|2M|4M|8M|16M]\n"
              "                   [--flash-freq 40m|26m|20m|80m] [--fs-offset N] --out BASE FIRMWARE.elf\n");
}

// The whole of [path] in a malloc'd buffer, or NULL with a message.
static uint8_t *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "esp_mkimage: %s: %s\n", path, strerror(errno));
    return NULL;
  }
  uint8_t *buf = NULL;
  size_t cap = 0, n = 0, got;
  do {
    if (n == cap) {
      cap = cap ? cap * 2 : 1 << 16;
      uint8_t *grown = realloc(buf, cap);
      if (!grown) {
        free(buf);
        fclose(f);
        fprintf(stderr, "esp_mkimage: %s: out of memory\n", path);
        return NULL;
      }
      buf = grown;
    }
    got = fread(buf + n, 1, cap - n, f);
    n += got;
  } while (got > 0);
  int failed = ferror(f);
  fclose(f);
  if (failed) {
    fprintf(stderr, "esp_mkimage: %s: read error\n", path);
    free(buf);
    return NULL;
  }
  *len = n;
  return buf;
}

static int spill(const char *path, const uint8_t *data, size_t len) {
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
    fprintf(stderr, "esp_mkimage: %s: %s\n", path, strerror(errno));
    return -1;
  }
  return 0;
}

static int is_irom(uint32_t addr) {
  return addr >= ESP_IROM_BASE && addr < ESP_IROM_END;
}

// Builds the three files. Returns the exit status.
static int make_images(const elf32_image_t *elf, const char *base, uint8_t mode, uint8_t size_freq,
                       uint32_t fs_offset) {
  esp_segment_t v1[ESP_IMAGE_SEGMENTS_MAX];
  int n = 0;
  uint32_t irom_lo = UINT32_MAX, irom_hi = 0;
  for (int i = 0; i < elf->count; i++) {
    const elf32_segment_t *s = &elf->segments[i];
    if (is_irom(s->addr)) {
      if (s->size > ESP_IROM_END - s->addr) {
        fprintf(stderr, "esp_mkimage: an irom0 segment runs past 0x%08x\n", ESP_IROM_END);
        return 1;
      }
      if (s->addr < irom_lo) irom_lo = s->addr;
      if (s->addr + s->size > irom_hi) irom_hi = s->addr + s->size;
      continue;
    }
    if (n == ESP_IMAGE_SEGMENTS_MAX) {
      fprintf(stderr, "esp_mkimage: more than 16 segments for the v1 image\n");
      return 1;
    }
    v1[n++] = (esp_segment_t){.addr = s->addr, .data = s->data, .size = s->size};
    printf("  v1 segment %d  0x%08x  %7u B\n", n - 1, s->addr, s->size);
  }
  if (n == 0) {
    fprintf(stderr, "esp_mkimage: no segment outside irom0 for the v1 image\n");
    return 1;
  }

  // irom0: one blob from its lowest to its highest byte, 0xFF in gaps.
  uint32_t irom_len = irom_hi > irom_lo ? irom_hi - irom_lo : 0;
  uint32_t irom_offset = irom_len ? irom_lo - ESP_IROM_BASE : 0;
  uint8_t *irom = malloc(irom_len ? irom_len : 1);
  size_t v1_cap = esp_image_v1_size(v1, n);
  uint8_t *image = malloc(v1_cap);
  if (!irom || !image) {
    free(irom), free(image);
    fprintf(stderr, "esp_mkimage: out of memory\n");
    return 1;
  }
  memset(irom, 0xff, irom_len);
  for (int i = 0; i < elf->count; i++) {
    const elf32_segment_t *s = &elf->segments[i];
    if (is_irom(s->addr)) memcpy(irom + (s->addr - irom_lo), s->data, s->size);
  }
  if (irom_len) printf("  irom0        0x%08x  %7u B  at flash 0x%05x\n", irom_lo, irom_len, irom_offset);

  char why[160];
  int status = 1;
  uint8_t *flash = NULL;
  size_t v1_len = esp_image_v1_write(v1, n, mode, size_freq, elf->entry, image, v1_cap, why, sizeof why);
  size_t checked = 0;
  if (!v1_len) {
    fprintf(stderr, "esp_mkimage: %s\n", why);
    goto out;
  }
  // What the rig's flasher will check, checked now.
  if (esp_image_check(image, v1_len, &checked, why, sizeof why) < 0 || checked != v1_len) {
    fprintf(stderr, "esp_mkimage: the written image does not check: %s\n", why);
    goto out;
  }
  size_t path_len = strlen(base) + 32;
  char *path = malloc(path_len);
  if (!path) goto out;
  snprintf(path, path_len, "%s-0x00000.bin", base);
  if (spill(path, image, v1_len) < 0) goto out_path;
  printf("%s  %zu B  (v1 image, %d segments, entry 0x%08x, checksum 0x%02x)\n", path, v1_len, n, elf->entry,
         image[v1_len - 1]);
  if (irom_len) {
    snprintf(path, path_len, "%s-0x%05x.bin", base, irom_offset);
    if (spill(path, irom, irom_len) < 0) goto out_path;
    printf("%s  %u B  (irom0)\n", path, irom_len);
  } else {
    irom_offset = (uint32_t)v1_len;
  }
  size_t flash_cap = (size_t)irom_offset + irom_len;
  if (flash_cap < v1_len) flash_cap = v1_len;
  flash = malloc(flash_cap);
  if (!flash) goto out_path;
  size_t flash_len = esp_flash_image_combine(image, v1_len, irom, irom_len, irom_offset, fs_offset, flash,
                                             flash_cap, why, sizeof why);
  if (!flash_len) {
    fprintf(stderr, "esp_mkimage: %s (irom0 0x%x + %u B, filesystem at 0x%x)\n", why, irom_offset, irom_len,
            fs_offset);
    goto out_path;
  }
  snprintf(path, path_len, "%s.bin", base);
  if (spill(path, flash, flash_len) < 0) goto out_path;
  printf("%s  %zu B  (for flash 0x0; filesystem from 0x%x)\n", path, flash_len, fs_offset);
  status = 0;
out_path:
  free(path);
out:
  free(flash), free(image), free(irom);
  return status;
}

int main(int argc, char **argv) {
  const char *out = NULL, *elf_path = NULL;
  int mode = 2, size = 2, freq = 0; // dio, 1 MB, 40 MHz
  uint32_t fs_offset = 0x90000;     // port_fs.h: the filesystem on a 1 MB module
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      usage(stdout);
      return 0;
    }
    if (a[0] == '-' && a[1] == '-' && !v) {
      fprintf(stderr, "esp_mkimage: %s needs a value\n", a);
      return 2;
    }
    if (!strcmp(a, "--out")) {
      out = v, i++;
    } else if (!strcmp(a, "--flash-mode")) {
      mode = esp_parse_flash_mode(v), i++;
    } else if (!strcmp(a, "--flash-freq")) {
      freq = esp_parse_flash_freq(v), i++;
    } else if (!strcmp(a, "--flash-size")) {
      uint32_t bytes = esp_parse_size(v);
      size = bytes ? esp_size_nibble(bytes) : -1, i++;
    } else if (!strcmp(a, "--fs-offset")) {
      char *end;
      unsigned long n = strtoul(v, &end, 0);
      if (*end || end == v || n == 0 || n > (16ul << 20) || n % 4096) {
        fprintf(stderr, "esp_mkimage: --fs-offset wants a sector-aligned flash offset, not %s\n", v);
        return 2;
      }
      fs_offset = (uint32_t)n, i++;
    } else if (a[0] == '-') {
      fprintf(stderr, "esp_mkimage: unknown option %s\n", a);
      usage(stderr);
      return 2;
    } else if (!elf_path) {
      elf_path = a;
    } else {
      usage(stderr);
      return 2;
    }
    if (mode < 0 || freq < 0 || size < 0) {
      fprintf(stderr, "esp_mkimage: bad value for %s: %s\n", a, v);
      return 2;
    }
  }
  if (!out || !elf_path) {
    usage(stderr);
    return 2;
  }
  size_t len;
  uint8_t *buf = slurp(elf_path, &len);
  if (!buf) return 1;
  elf32_image_t elf;
  char why[160];
  if (elf32_read(buf, len, &elf, why, sizeof why) < 0) {
    fprintf(stderr, "esp_mkimage: %s: %s\n", elf_path, why);
    free(buf);
    return 1;
  }
  if (elf.machine != ELF32_MACHINE_XTENSA) {
    fprintf(stderr, "esp_mkimage: %s: not an Xtensa ELF (machine %u)\n", elf_path, elf.machine);
    free(buf);
    return 1;
  }
  printf("esp_mkimage: %s\n", elf_path);
  int status = make_images(&elf, out, (uint8_t)mode, (uint8_t)(size << 4 | freq), fs_offset);
  free(buf);
  return status;
}
