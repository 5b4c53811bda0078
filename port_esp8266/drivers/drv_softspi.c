// SPDX-License-Identifier: MIT
// drv_softspi.c: SPI master (timing in the header).
#include "drv_softspi.h"

#include <errno.h>

#include "drv_timing.h"

int drv_softspi_init(drv_softspi_t *spi, int sck, int mosi, int miso, uint32_t baudrate, int polarity,
                     int phase, bool lsb_first) {
  uint32_t hz = board_cpu_hz();
  if (baudrate == 0 || baudrate > hz / 20 || (polarity & ~1) || (phase & ~1) || sck < 0) return -EINVAL;
  spi->sck = sck, spi->mosi = mosi, spi->miso = miso;
  spi->polarity = polarity, spi->phase = phase, spi->lsb_first = lsb_first;
  spi->half = hz / baudrate / 2;
  if (spi->half == 0) spi->half = 1;
  board_pin_write(sck, polarity);
  if (board_pin_mode(sck, BOARD_PIN_OUTPUT) != 0) return -EINVAL;
  if (mosi >= 0 && board_pin_mode(mosi, BOARD_PIN_OUTPUT) != 0) return -EINVAL;
  if (miso >= 0 && board_pin_mode(miso, BOARD_PIN_INPUT) != 0) return -EINVAL;
  return 0;
}

void drv_softspi_transfer(const drv_softspi_t *spi, const uint8_t *out, uint8_t fill, uint8_t *in,
                          size_t len) {
  int idle = spi->polarity, active = !idle;
  uint32_t next = board_cycles();
  for (size_t i = 0; i < len; i++) {
    uint8_t send = out ? out[i] : fill, got = 0;
    for (int k = 0; k < 8; k++) {
      int shift = spi->lsb_first ? k : 7 - k;
      int bit = send >> shift & 1;
      if (spi->phase == 0) {
        if (spi->mosi >= 0) board_pin_write(spi->mosi, bit);
        next += spi->half;
        drv_wait_until(next);
        board_pin_write(spi->sck, active);
        if (spi->miso >= 0) got |= (uint8_t)(board_pin_read(spi->miso) << shift);
        next += spi->half;
        drv_wait_until(next);
        board_pin_write(spi->sck, idle);
      } else {
        board_pin_write(spi->sck, active);
        if (spi->mosi >= 0) board_pin_write(spi->mosi, bit);
        next += spi->half;
        drv_wait_until(next);
        board_pin_write(spi->sck, idle);
        if (spi->miso >= 0) got |= (uint8_t)(board_pin_read(spi->miso) << shift);
        next += spi->half;
        drv_wait_until(next);
      }
    }
    if (in) in[i] = got;
  }
}
