// SPDX-License-Identifier: MIT
// rtc_memory.c: the RTC's user memory (machine.RTC().memory()) and the
// reset note, both in the RTC block's slow memory, which keeps its
// contents across every reset and deep sleep but not a power loss.
//
// That memory answers only 32-bit accesses, while the board layer reads
// and writes it as bytes. So the board layer gets a DRAM copy, read word
// by word at boot and written back word by word before every reset and
// deep sleep the firmware makes (board_reset, board_deepsleep, a fatal
// exception). A reset from outside (the RST pin, the watchdog) keeps what
// was last written back, not changes made since.
//
// Layout of the 512 user bytes (esp8266_regs.h): the board layer's
// RTC_MEMORY_BYTES first, the reset note (reset.c) in the last 8.
#include "board_hal.h"
#include "esp8266_regs.h"
#include "hal_esp8266.h"
#include "rtc_memory.h"

static uint32_t copy[RTC_MEMORY_BYTES / 4];

#define RTC_WORD(i) REG(RTC_USER_MEM + 4u * (unsigned)(i))

void hal_rtc_memory_load(void) {
  // After a power loss the memory holds noise: start from zeros, as the
  // board layer expects of a fresh RTC.
  if (board_reset_cause() == BOARD_RESET_POWER_ON) {
    for (unsigned i = 0; i < RTC_MEMORY_BYTES / 4; i++)
      copy[i] = 0;
    return;
  }
  for (unsigned i = 0; i < RTC_MEMORY_BYTES / 4; i++)
    copy[i] = RTC_WORD(i);
}

HAL_IRAM void hal_rtc_memory_store(void) {
  for (unsigned i = 0; i < RTC_MEMORY_BYTES / 4; i++)
    RTC_WORD(i) = copy[i];
}

uint8_t *board_rtc_memory(size_t *len) {
  *len = sizeof copy;
  return (uint8_t *)copy;
}
