// SPDX-License-Identifier: MIT
// clock.c: the CPU clock, the microsecond ticks and the cycle counter.
//
// Ticks come from FRC2, a 32-bit up-counter fed by the 80 MHz APB clock
// through a /16 prescaler: 5 counts per microsecond whatever the CPU clock
// (CCOUNT doubles at 160 MHz, FRC2 does not). It wraps every 859 s, so it is
// widened to 64 bits in software: each call folds the step since the
// previous reading (mod 2^32) into the total. The console polls ticks far
// more often than that; no interrupt is needed. FRC1 is left free.
//
// Invariant: frc2.total only grows; it is the sum of every FRC2 step seen.
#include "board_hal.h"
#include "esp8266_regs.h"
#include "hal_esp8266.h"
#include "rom.h"

// The analog PLL register values for an 80 MHz CPU from the 26 MHz crystal
// nearly every module carries (UNCERTAIN: from public bare-metal projects;
// the ROM leaves the PLL set for a 40 MHz crystal, hence its 74880 baud).
#define PLL_BLOCK 103
#define PLL_HOST 4
#define PLL_REG_DIV 1
#define PLL_REG_DIV_26MHZ 136
#define PLL_REG_REF 2
#define PLL_REG_REF_26MHZ 145

#define FRC2_PER_US (FRC2_HZ / 1000000u)

static struct {
  uint32_t last;  // FRC2_COUNT at the previous update
  uint64_t total; // FRC2 counts since hal_clock_init
} frc2;

void hal_clock_init(void) {
  if (rom_i2c_readReg(PLL_BLOCK, PLL_HOST, PLL_REG_DIV) != PLL_REG_DIV_26MHZ) {
    rom_i2c_writeReg(PLL_BLOCK, PLL_HOST, PLL_REG_DIV, PLL_REG_DIV_26MHZ);
    rom_i2c_writeReg(PLL_BLOCK, PLL_HOST, PLL_REG_REF, PLL_REG_REF_26MHZ);
  }
  ets_update_cpu_frequency(80);
  REG(FRC2_LOAD) = 0;
  REG(FRC2_CTRL) = FRC_CTRL_ENABLE | FRC_CTRL_DIV16;
  frc2.last = REG(FRC2_COUNT);
  frc2.total = 0;
}

uint64_t board_ticks_us(void) {
  hal_wdt_feed();
  uint32_t state = board_irq_disable();
  uint32_t now = REG(FRC2_COUNT);
  frc2.total += (uint32_t)(now - frc2.last);
  frc2.last = now;
  uint64_t total = frc2.total;
  board_irq_restore(state);
  return total / FRC2_PER_US;
}

HAL_IRAM uint32_t board_cycles(void) {
  uint32_t c;
  __asm__ volatile("rsr %0, ccount" : "=r"(c));
  return c;
}

uint32_t board_cpu_hz(void) {
  return (REG(DPORT_CPU2X) & 1u) ? 160000000u : 80000000u;
}

int board_cpu_set_hz(uint32_t hz) {
  if (hz != 80000000u && hz != 160000000u) return -1;
  board_ticks_us(); // FRC2 runs from the APB clock: ticks do not change pace
  if (hz == 160000000u)
    REG(DPORT_CPU2X) |= 1u;
  else
    REG(DPORT_CPU2X) &= ~1u;
  ets_update_cpu_frequency(hz / 1000000u);
  return 0;
}
