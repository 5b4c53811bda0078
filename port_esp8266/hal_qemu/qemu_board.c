// SPDX-License-Identifier: MIT
// qemu_board.c: the rest of board_hal.h on QEMU: the ADC, the MAC, deep
// sleep and the RTC's user memory.
#include "board_hal.h"
#include "hal_qemu.h"
#include "semihost.h"

#include <string.h>

// What TOUT reads with nothing wired to it; the sim machine has no ADC.
#define ADC_OPEN_READING 0

// The RTC user memory, as on the chip: 512 bytes that survive every reset
// but a power-on one. .noinit survives board_reset; QEMU starts with it
// zeroed, so no magic word means a power-on.
#define RTC_MAGIC 0x52746321u // "Rtc!"
static struct {
  uint32_t magic;
  uint8_t bytes[512];
} rtc __attribute__((section(".noinit")));

int board_adc_read(void) {
  return ADC_OPEN_READING;
}

void board_mac(uint8_t mac[6]) {
  // Espressif's OUI and a fixed serial: one QEMU board, one address.
  static const uint8_t fixed[6] = {0x5c, 0xcf, 0x7f, 0x51, 0x45, 0x4d};
  memcpy(mac, fixed, sizeof fixed);
}

uint8_t *board_rtc_memory(size_t *len) {
  if (rtc.magic != RTC_MAGIC) {
    memset(rtc.bytes, 0, sizeof rtc.bytes);
    rtc.magic = RTC_MAGIC;
  }
  *len = sizeof rtc.bytes;
  return rtc.bytes;
}

// The QEMU board has GPIO16 wired to RST: the sleep ends in a reset with
// cause DEEPSLEEP after [us]. Asleep, the chip hears nothing on its UART,
// so console bytes that arrive meanwhile are dropped. A sleep of 0 (until
// reset) or the console closing for good ends the run, since nothing can
// wake the board any more.
void board_deepsleep(uint64_t us) {
  uint64_t end = board_ticks_us() + us;
  for (;;) {
    uint64_t now = board_ticks_us();
    if (us && now >= end) board_reset(BOARD_RESET_DEEPSLEEP);
    uint64_t left = us ? end - now : 1000000u;
    if (board_console_rx(left > 1000000u ? 1000000u : (uint32_t)left) == BOARD_RX_CLOSED) semi_exit(0);
  }
}
