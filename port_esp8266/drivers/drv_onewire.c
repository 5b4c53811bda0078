// SPDX-License-Identifier: MIT
// drv_onewire.c: 1-Wire master (timing table in the header).
#include "drv_onewire.h"

#include <errno.h>
#include <string.h>

#include "drv_timing.h"

// Slot instants in us from the falling edge, and the reset's.
enum {
  RESET_LOW_US = 490,
  PRESENCE_SAMPLE_US = 70,
  RESET_HIGH_US = 480,
  WRITE1_LOW_US = 6,
  WRITE0_LOW_US = 64,
  READ_LOW_US = 5,
  READ_SAMPLE_US = 12,
  SLOT_US = 70,
};

int drv_onewire_init(drv_onewire_t *ow, int pin) {
  ow->pin = pin;
  board_pin_write(pin, 1);
  return board_pin_mode(pin, BOARD_PIN_OPEN_DRAIN_PULLUP) == 0 ? 0 : -1;
}

int drv_onewire_reset(const drv_onewire_t *ow) {
  uint32_t t = board_cycles();
  board_pin_write(ow->pin, 0);
  drv_wait_until(t + drv_us_to_cycles(RESET_LOW_US));
  uint32_t irq = board_irq_disable();
  t = board_cycles();
  board_pin_write(ow->pin, 1);
  drv_wait_until(t + drv_us_to_cycles(PRESENCE_SAMPLE_US));
  int present = !board_pin_read(ow->pin);
  board_irq_restore(irq);
  drv_wait_until(t + drv_us_to_cycles(RESET_HIGH_US));
  return present;
}

int drv_onewire_read_bit(const drv_onewire_t *ow) {
  uint32_t irq = board_irq_disable();
  uint32_t t = board_cycles();
  board_pin_write(ow->pin, 0);
  drv_wait_until(t + drv_us_to_cycles(READ_LOW_US));
  board_pin_write(ow->pin, 1);
  drv_wait_until(t + drv_us_to_cycles(READ_SAMPLE_US));
  int bit = board_pin_read(ow->pin);
  board_irq_restore(irq);
  drv_wait_until(t + drv_us_to_cycles(SLOT_US));
  return bit;
}

void drv_onewire_write_bit(const drv_onewire_t *ow, int bit) {
  uint32_t irq = board_irq_disable();
  uint32_t t = board_cycles();
  board_pin_write(ow->pin, 0);
  drv_wait_until(t + drv_us_to_cycles(bit ? WRITE1_LOW_US : WRITE0_LOW_US));
  board_pin_write(ow->pin, 1);
  board_irq_restore(irq);
  drv_wait_until(t + drv_us_to_cycles(SLOT_US));
}

uint8_t drv_onewire_read_byte(const drv_onewire_t *ow) {
  uint8_t b = 0;
  for (int i = 0; i < 8; i++)
    b |= (uint8_t)(drv_onewire_read_bit(ow) << i);
  return b;
}

void drv_onewire_write_byte(const drv_onewire_t *ow, uint8_t b) {
  for (int i = 0; i < 8; i++)
    drv_onewire_write_bit(ow, (b >> i) & 1);
}

void drv_onewire_read(const drv_onewire_t *ow, uint8_t *buf, size_t len) {
  for (size_t i = 0; i < len; i++)
    buf[i] = drv_onewire_read_byte(ow);
}

void drv_onewire_write(const drv_onewire_t *ow, const uint8_t *buf, size_t len) {
  for (size_t i = 0; i < len; i++)
    drv_onewire_write_byte(ow, buf[i]);
}

int drv_onewire_select(const drv_onewire_t *ow, const uint8_t *rom) {
  if (!drv_onewire_reset(ow)) return 0;
  if (rom) {
    drv_onewire_write_byte(ow, 0x55);
    drv_onewire_write(ow, rom, 8);
  } else {
    drv_onewire_write_byte(ow, 0xCC);
  }
  return 1;
}

void drv_onewire_search_begin(drv_onewire_search_t *s) {
  memset(s->rom, 0, sizeof s->rom);
  s->diff = 65;
}

int drv_onewire_search_next(const drv_onewire_t *ow, drv_onewire_search_t *s) {
  if (s->diff == 0) return 0;
  if (!drv_onewire_reset(ow)) return -ENODEV;
  drv_onewire_write_byte(ow, 0xF0);
  uint8_t rom[8] = {0};
  int next_diff = 0;
  int i = 64; // bit position counted down, as in PROTOCOLS.md 8.3
  for (int byte = 0; byte < 8; byte++) {
    for (int bit = 0; bit < 8; bit++, i--) {
      int b = drv_onewire_read_bit(ow);
      int c = drv_onewire_read_bit(ow);
      if (b && c) return -EIO;
      if (!b && !c) {
        // Devices disagree: take the 1 branch on the way down to the last
        // fork, the 0 branch at it, and repeat the previous path above it.
        bool prev_one = (s->rom[byte] >> bit) & 1;
        if (s->diff > i || (prev_one && s->diff != i)) {
          b = 1;
          next_diff = i;
        }
      }
      drv_onewire_write_bit(ow, b);
      if (b) rom[byte] |= (uint8_t)(1u << bit);
    }
  }
  memcpy(s->rom, rom, sizeof rom);
  s->diff = next_diff;
  return 1;
}

int drv_onewire_scan(const drv_onewire_t *ow, uint8_t (*roms)[8], int max) {
  drv_onewire_search_t s;
  drv_onewire_search_begin(&s);
  int n = 0;
  for (int pass = 0; pass < 255 && n < max; pass++) {
    int r = drv_onewire_search_next(ow, &s);
    if (r < 0) return r;
    if (r == 0) break;
    memcpy(roms[n++], s.rom, 8);
    if (s.diff == 0) break;
  }
  return n;
}

uint8_t drv_onewire_crc8(const uint8_t *buf, size_t len) {
  // PROTOCOLS.md 8.4's bitwise form: feed back 0x18 and rotate in the bit.
  uint8_t crc = 0;
  for (size_t i = 0; i < len; i++) {
    uint8_t byte = buf[i];
    for (int k = 0; k < 8; k++, byte >>= 1) {
      bool fb = (crc ^ byte) & 1;
      if (fb) crc ^= 0x18;
      crc = (uint8_t)((crc >> 1) & 0x7F);
      if (fb) crc |= 0x80;
    }
  }
  return crc;
}
