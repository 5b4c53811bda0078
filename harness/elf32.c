// SPDX-License-Identifier: MIT
// elf32.c: the program-header reader of elf32.h. Field offsets are the
// ELF specification's (System V ABI, 32-bit).
#include "elf32.h"

#include <stdio.h>
#include <string.h>

#define EHDR_SIZE 52
#define PT_LOAD 1
#define ET_EXEC 2

static uint16_t le16(const uint8_t *p) {
  return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t le32(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int refuse(char *why, size_t whylen, const char *text) {
  if (whylen) snprintf(why, whylen, "%s", text);
  return -1;
}

int elf32_read(const uint8_t *buf, size_t len, elf32_image_t *out, char *why, size_t whylen) {
  memset(out, 0, sizeof *out);
  if (len < EHDR_SIZE || memcmp(buf, "\177ELF", 4)) return refuse(why, whylen, "not an ELF file");
  if (buf[4] != 1) return refuse(why, whylen, "not a 32-bit ELF");
  if (buf[5] != 1) return refuse(why, whylen, "not a little-endian ELF");
  if (le16(buf + 16) != ET_EXEC) return refuse(why, whylen, "not an executable (linked) ELF");
  out->machine = le16(buf + 18);
  out->entry = le32(buf + 24);
  uint32_t phoff = le32(buf + 28);
  uint16_t phentsize = le16(buf + 42), phnum = le16(buf + 44);
  if (phnum == 0) return refuse(why, whylen, "no program headers");
  if (phentsize < 32 || phoff > len || (size_t)phnum * phentsize > len - phoff)
    return refuse(why, whylen, "program headers run past the end");
  for (unsigned i = 0; i < phnum; i++) {
    const uint8_t *ph = buf + phoff + (size_t)i * phentsize;
    uint32_t offset = le32(ph + 4), paddr = le32(ph + 12), filesz = le32(ph + 16);
    if (le32(ph) != PT_LOAD || filesz == 0) continue;
    if (offset > len || filesz > len - offset) return refuse(why, whylen, "a segment runs past the end");
    if (out->count == ELF32_SEGMENTS_MAX) return refuse(why, whylen, "more than 16 loadable segments");
    out->segments[out->count++] = (elf32_segment_t){.addr = paddr, .data = buf + offset, .size = filesz};
  }
  if (out->count == 0) return refuse(why, whylen, "no loadable segment with bytes");
  return 0;
}
