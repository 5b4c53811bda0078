// SPDX-License-Identifier: MIT
// mod_esp.h: the esp module's parts that port_diag shares.
#ifndef MOD_ESP_H
#define MOD_ESP_H

#include "print.h"

#include <stdbool.h>
#include <stdint.h>

// The firmware's checksum, as esp.check_fw() reports it (PROTOCOLS.md
// 4.2): the image size stored at flash 0x8FFC, the MD5 of flash[4:size]
// and whether it equals the 16 bytes stored at flash[size]. Prints
// "size: N" and "md5: HEX" (or "Invalid size") on [p]. Never raises.
bool port_esp_check_fw(rt_printer_t *p);

// Where the user's part of the flash starts on this module.
uint32_t port_esp_flash_user_start(void);

// Writes [v] in [base] (2..16, lower-case digits) with at least [digits]
// digits.
void port_print_unsigned(rt_printer_t *p, uint32_t v, unsigned base, int digits);

#endif
