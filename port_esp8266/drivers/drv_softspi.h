// SPDX-License-Identifier: MIT
// drv_softspi.h: bit-banged SPI master (machine.SoftSPI, and machine.SPI
// on this port).
//
// Timing: each bit is two half periods of cpu_hz / (2 * baudrate) cycles,
// every SCK edge due at an absolute deadline on the cycle counter, so the
// clock runs at the rate asked (up to what the pin calls allow). Mode
// (polarity, phase) as in the SPI convention: SCK idles at [polarity];
// phase 0 samples MISO on the first edge of a bit (MOSI set half a period
// before it), phase 1 on the second (MOSI set on the first). MISO is read
// after MOSI is set, so a wire from MOSI to MISO reads back what was sent.
#ifndef DRV_SOFTSPI_H
#define DRV_SOFTSPI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
  int sck, mosi, miso; // -1: no MOSI / no MISO
  int polarity, phase;
  bool lsb_first;
  uint32_t half; // cycles per half period
} drv_softspi_t;

// Takes the pins (SCK and MOSI push-pull outputs, SCK at its idle level;
// MISO an input). Returns 0, or -EINVAL for bad pins, mode or rate.
int drv_softspi_init(drv_softspi_t *spi, int sck, int mosi, int miso, uint32_t baudrate, int polarity,
                     int phase, bool lsb_first);

// Clocks [len] bytes: sends [out] (or [fill] for each byte when NULL)
// and stores what MISO read in [in] (when not NULL). [out] and [in] may
// be the same buffer.
void drv_softspi_transfer(const drv_softspi_t *spi, const uint8_t *out, uint8_t fill, uint8_t *in,
                          size_t len);

#endif
