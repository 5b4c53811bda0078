// SPDX-License-Identifier: MIT
// drv_softuart.h: a transmit-only UART on one pin, 8N1, for machine.UART(1)
// (the ESP8266's UART1 has only TX, on GPIO2).
//
// The line idles high; each byte is a start bit (low), eight data bits
// LSB first, and a stop bit (high). Bit n of a write is due at start + n
// * cpu_hz / baud cycles, computed exactly (no accumulated rounding), so
// bytes follow back to back and a long string keeps the rate. Interrupts are masked per byte, as a byte's
// timing cannot stretch without the receiver misreading it.
#ifndef DRV_SOFTUART_H
#define DRV_SOFTUART_H

#include <stddef.h>
#include <stdint.h>

// Makes [pin] an output idling high. Returns 0, or -EINVAL for a bad pin
// or a rate above cpu_hz / 20.
int drv_softuart_init(int pin, uint32_t baud);

// Sends [len] bytes of [buf] on [pin] at [baud]; returns after the last
// stop bit.
void drv_softuart_write(int pin, uint32_t baud, const uint8_t *buf, size_t len);

#endif
