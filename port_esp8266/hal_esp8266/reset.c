// SPDX-License-Identifier: MIT
// reset.c: why the chip came out of reset, how it goes back in, and the
// watchdog that would reset it if the firmware stopped.
//
// The ROM knows only the hardware's view (power-on, the RST pin, a
// watchdog). Resets the firmware causes itself (machine.reset(), a fatal
// exception) all look alike to it, so before one we leave a note in RTC
// memory, which keeps its contents across every reset but a power loss;
// the next boot reads and clears it. No note: the ROM's cause decides.
//
// Watchdog: the hardware watchdog's count restarts on every write of its
// feed word. The firmware feeds it from every console call and tick read,
// which the VM makes every RT_POLL_INTERVAL jumps; a program stuck where
// nothing polls is reset by it, as on the SDK.
#include "board_hal.h"
#include "esp8266_regs.h"
#include "hal_esp8266.h"
#include "rom.h"
#include "rtc_memory.h"

#define NOTE_MAGIC 0x50795274u // "PyRt"

typedef struct {
  uint32_t magic;
  uint32_t cause;
} reset_note_t;

#define NOTE ((volatile reset_note_t *)(uintptr_t)RTC_NOTE_ADDR)

// The ROM's "rst cause" numbers (PROTOCOLS.md 3.9). 5 after a deep-sleep
// wake-up is UNCERTAIN (seen in boot logs, not in a primary source).
enum { ROM_RST_POWER_ON = 1, ROM_RST_PIN = 2, ROM_RST_WATCHDOG = 4, ROM_RST_DEEPSLEEP = 5 };

static int cause;

void hal_reset_init(void) {
  if (NOTE->magic == NOTE_MAGIC) {
    cause = (int)NOTE->cause;
  } else {
    switch (rtc_get_reset_reason()) {
    case ROM_RST_PIN: cause = BOARD_RESET_HARD; break;
    case ROM_RST_WATCHDOG: cause = BOARD_RESET_WDT; break;
    case ROM_RST_DEEPSLEEP: cause = BOARD_RESET_DEEPSLEEP; break;
    default: cause = BOARD_RESET_POWER_ON; break;
    }
  }
  // A later reset the firmware did not ask for reads as the ROM says.
  NOTE->magic = 0;
}

int board_reset_cause(void) {
  return cause;
}

HAL_IRAM void hal_wdt_feed(void) {
  REG(WDT_FEED) = WDT_FEED_MAGIC;
}

HAL_IRAM void hal_reset_note(int next_cause) {
  hal_rtc_memory_store(); // the board layer's RTC bytes go with it
  NOTE->cause = (uint32_t)next_cause;
  NOTE->magic = NOTE_MAGIC;
}

// The ROM's reset vector runs the boot ROM again, which reloads the image
// from flash (UNCERTAIN: the approach of other bare-metal projects). The
// ROM needs the SPI controller, so the cache goes off first.
HAL_IRAM void hal_reboot(void) {
  __asm__ volatile("rsil a2, 15" ::: "a2");
  Cache_Read_Disable();
  rom_software_reboot();
}

void board_reset(int next_cause) {
  hal_reset_note(next_cause);
  hal_uart0_drain(); // the last words before the reset reach the line
  hal_reboot();
}

// Deep sleep without the SDK: the RTC's sleep and wake-up registers are
// not documented in PROTOCOLS.md, so the chip does not power down. It waits
// [us] with the console deaf, as a sleeping chip is, then resets with
// BOARD_RESET_DEEPSLEEP, as a chip whose GPIO16 is wired to RST would.
// The current draw stays that of a running chip.
void board_deepsleep(uint64_t us) {
  uint64_t end = board_ticks_us() + us;
  while (us == 0 || board_ticks_us() < end)
    hal_wdt_feed();
  board_reset(BOARD_RESET_DEEPSLEEP);
}
