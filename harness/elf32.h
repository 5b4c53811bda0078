// SPDX-License-Identifier: MIT
// elf32.h: the loadable segments of a little-endian 32-bit ELF executable
// (an lx106 firmware), read from a buffer, for the image writer.
#ifndef RIG_ELF32_H
#define RIG_ELF32_H

#include <stddef.h>
#include <stdint.h>

#define ELF32_SEGMENTS_MAX 16
#define ELF32_MACHINE_XTENSA 94

typedef struct {
  uint32_t addr;       // load address (p_paddr)
  const uint8_t *data; // points into the caller's buffer
  uint32_t size;       // bytes in the file (p_filesz); .bss-only parts are not loaded
} elf32_segment_t;

typedef struct {
  uint16_t machine;
  uint32_t entry;
  int count; // segments with file bytes, in program-header order
  elf32_segment_t segments[ELF32_SEGMENTS_MAX];
} elf32_image_t;

// Reads the PT_LOAD program headers of the ELF in [buf] ([len] bytes)
// that carry bytes. Checks the identity (ELF, 32-bit, little-endian, an
// executable) and that every header and segment lies inside the buffer.
// Returns 0, or -1 with the reason in [why].
int elf32_read(const uint8_t *buf, size_t len, elf32_image_t *out, char *why, size_t whylen);

#endif
