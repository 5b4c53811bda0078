// SPDX-License-Identifier: MIT
// sdk_start.c: the start-up when Espressif's SDK is linked. The SDK's
// libmain owns the entry (call_user_start, the image's ELF entry), the
// vectors and the RF calibration; it calls us back:
//   user_pre_init          SDK 3.x: the flash partitions it needs
//   user_rf_cal_sector_set SDK 2.x and later: the RF calibration sector
//   user_init              the board's own start-up (no PLL or FRC2: the
//                          SDK's), then the interpreter once the SDK
//                          says its initialisation is done
// The interpreter then runs inside that callback for good; the SDK's
// tasks run at its poll points (sdk_tasks.c). start.S is not linked: the
// SDK's vectors handle interrupts and exceptions.
//
// Flash map (the last 5 sectors, as the SDK documents for every size):
// RF calibration, PHY init data, then 3 sectors of system parameters.
// UNCERTAIN: not run on a chip.
#include "board_hal.h"
#include "hal_esp8266.h"
#include "rtc_memory.h"
#include "sdk_api.h"

#define CONSOLE_BAUD 115200
#define SECTOR 4096u

// Flash bytes by the size map the image header gave the SDK
// (system_get_flash_size_map): 0 4 Mbit (256+256 KB), 1 2 Mbit,
// 2 8 Mbit, 3 16 Mbit (512+512), 4 32 Mbit (512+512), 5 16 Mbit
// (1024+1024), 6 32 Mbit (1024+1024), 7 32 Mbit (2048+2048), 8 64 Mbit,
// 9 128 Mbit.
static uint32_t flash_bytes(void) {
  static const uint8_t mbit[10] = {4, 2, 8, 16, 32, 16, 32, 32, 64, 128};
  uint32_t map = system_get_flash_size_map();
  return (map < 10 ? mbit[map] : 4) * (1024u * 1024u / 8u);
}

uint32_t user_rf_cal_sector_set(void) {
  return flash_bytes() / SECTOR - 5;
}

void user_pre_init(void) {
  uint32_t end = flash_bytes();
  static partition_item_t table[3];
  table[0] = (partition_item_t){SYSTEM_PARTITION_RF_CAL, end - 5 * SECTOR, SECTOR};
  table[1] = (partition_item_t){SYSTEM_PARTITION_PHY_DATA, end - 4 * SECTOR, SECTOR};
  table[2] = (partition_item_t){SYSTEM_PARTITION_SYSTEM_PARAMETER, end - 3 * SECTOR, 3 * SECTOR};
  // Without it the SDK stops before user_init; nothing else can be done.
  if (!system_partition_table_regist(table, 3, system_get_flash_size_map())) {
    for (;;) {
    }
  }
}

static void start_app(void) {
  hal_esp8266_app();
  board_reset(BOARD_RESET_SOFT); // the UART never ends; should it, start afresh
}

// hal_esp8266_main's sequence without what the SDK owns (PLL, FRC2).
void user_init(void) {
  hal_wdt_feed();
  hal_clock_init();
  hal_uart0_init(CONSOLE_BAUD);
  // The SDK logs its WiFi states on UART0, which is the REPL's line: a
  // host speaking the raw REPL would read them as output.
  system_set_os_print(0);
  hal_reset_init();
  hal_rtc_memory_load();
  hal_flash_init();
  // The station does not join what the SDK saved in flash on its own:
  // port_net_boot reconnects with the board's own settings (NETWORK.md).
  wifi_station_set_auto_connect(0);
  system_init_done_cb(start_app);
}
