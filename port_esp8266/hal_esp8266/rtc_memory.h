// SPDX-License-Identifier: MIT
// rtc_memory.h: where the RTC user memory's parts lie (rtc_memory.c).
#ifndef HAL_ESP8266_RTC_MEMORY_H
#define HAL_ESP8266_RTC_MEMORY_H

#include "esp8266_regs.h"

// The board layer's bytes (machine.RTC().memory(): a 2-byte length and up
// to 492 bytes), a whole number of words.
#define RTC_MEMORY_BYTES 496u
// The reset note: two words at the end of the user memory.
#define RTC_NOTE_ADDR (RTC_USER_MEM + RTC_USER_MEM_BYTES - 8u)

// Copies the RTC memory into the board layer's buffer (at boot), and the
// buffer back into the RTC memory (before a reset or a sleep).
void hal_rtc_memory_load(void);
void hal_rtc_memory_store(void);

#endif
