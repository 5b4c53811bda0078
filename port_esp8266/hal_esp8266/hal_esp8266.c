// SPDX-License-Identifier: MIT
// hal_esp8266.c: the chip's boot in C, its name, and interrupt masking.
//
// Without Espressif's SDK (-DESP8266_SDK) there is no WiFi, so no
// `network` module; the board's name, which the banner prints, says so.
// With the SDK, net_sdk.c drives its WiFi and the banner says "network".
#include "board_hal.h"
#include "esp8266_regs.h"
#include "hal_esp8266.h"
#include "rtc_memory.h"

#define CONSOLE_BAUD 115200

#ifdef PYRITE_ESP8266_SDK
#define BOARD_NAME "ESP module with ESP8266 (network: Espressif SDK)"
#else
#define BOARD_NAME "ESP module with ESP8266 (no network: built without the SDK)"
#endif

const char *board_name(void) {
  return BOARD_NAME;
}

// The station MAC from the factory OTP words: the vendor prefix from the
// third word, or picked by a byte of the second, then three bytes.
void board_mac(uint8_t mac[6]) {
  uint32_t m0 = REG(OTP_MAC0), m1 = REG(OTP_MAC1), m3 = REG(OTP_MAC3);
  if (m3 != 0) {
    mac[0] = (uint8_t)(m3 >> 16), mac[1] = (uint8_t)(m3 >> 8), mac[2] = (uint8_t)m3;
  } else if (((m1 >> 16) & 0xFFu) == 0) {
    mac[0] = 0x18, mac[1] = 0xFE, mac[2] = 0x34;
  } else {
    mac[0] = 0xAC, mac[1] = 0xD0, mac[2] = 0x74;
  }
  mac[3] = (uint8_t)(m1 >> 8), mac[4] = (uint8_t)m1, mac[5] = (uint8_t)(m0 >> 24);
}

// The SAR ADC on TOUT gives meaningful readings only after the RF/PHY
// calibration the SDK performs at start-up; without the SDK this back-end
// has no ADC and reads 0 (README.md, "Missing").
int board_adc_read(void) {
  return 0;
}

// rsil raises PS.INTLEVEL to 15 and returns the old PS; wsr puts it back,
// so nested pairs restore the level each one found.
HAL_IRAM uint32_t board_irq_disable(void) {
  uint32_t ps;
  __asm__ volatile("rsil %0, 15" : "=r"(ps)::"memory");
  return ps;
}

HAL_IRAM void board_irq_restore(uint32_t state) {
  __asm__ volatile("wsr %0, ps; rsync" ::"r"(state) : "memory");
}

void hal_esp8266_main(void) {
  hal_wdt_feed();
  hal_clock_init();
  hal_uart0_init(CONSOLE_BAUD);
  hal_reset_init();
  hal_rtc_memory_load();
  hal_flash_init();
  hal_esp8266_app();
  // The UART never ends; should the program return, start afresh.
  board_reset(BOARD_RESET_SOFT);
}
