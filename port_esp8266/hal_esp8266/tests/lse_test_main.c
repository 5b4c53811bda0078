// SPDX-License-Identifier: MIT
// lse_test_main.c: checks start.S's load/store-error handler on QEMU (see
// lse_test.S): every byte and half-word of a pattern, through l8ui,
// l16ui and l16si into different registers, against C's own reading of
// the same bytes; other registers and SAR kept; a store sent to the fatal
// path. Prints one line per failure and "PASS"/"FAIL", exits 0/1.
//
// It stands in for hal_esp8266.c: start.S calls hal_esp8266_main, the
// handler's fatal path calls hal_esp8266_fault, and Cache_Read_Enable (a
// ROM call on the chip) does nothing here.
#include "hal_esp8266.h"
#include "semihost.h"

#include <stdint.h>
#include <string.h>

uint32_t lse_l8ui_a3(const void *p, const void *decoy);
uint32_t lse_l16ui_a15(const void *p, const void *decoy);
int32_t lse_l16si_a7(const void *p, const void *decoy);
uint32_t lse_keeps_others(const void *p);
void lse_store(void *p);

static int failures;
static int expect_fault; // 1 while lse_store runs

static void say(const char *s) {
  int32_t err;
  semi_call(SEMI_SYS_WRITE, 1, (int32_t)(uintptr_t)s, (int32_t)strlen(s), &err);
}

static void check(int ok, const char *what) {
  if (!ok) {
    failures++;
    say("mismatch: ");
    say(what);
    say("\n");
  }
}

void Cache_Read_Enable(uint32_t a, uint32_t b, uint32_t c) {
  (void)a, (void)b, (void)c;
}

void hal_esp8266_fault(uint32_t vector) {
  uint32_t cause;
  __asm__ volatile("rsr %0, exccause" : "=r"(cause));
  if (expect_fault && vector == HAL_VEC_GENERAL && cause == 3) {
    say(failures ? "FAIL\n" : "PASS\n");
    semi_exit(failures ? 1 : 0);
  }
  say("unexpected fault\nFAIL\n");
  semi_exit(1);
}

void hal_esp8266_main(void) {
  static uint8_t pattern[12]
      __attribute__((aligned(4))) = {0x01, 0x80, 0xFF, 0x7F, 0x34, 0x12, 0xFE, 0xCA, 0x00, 0x90, 0x55, 0xAA};
  // What a load that ran instead of being emulated would read.
  static uint8_t decoy[4] __attribute__((aligned(4))) = {0xEE, 0xEE, 0xEE, 0xEE};
  for (int i = 0; i < 12; i++) {
    check(lse_l8ui_a3(pattern + i, decoy) == pattern[i], "l8ui");
    if (i % 2 == 0 && i + 1 < 12) {
      uint16_t u = (uint16_t)(pattern[i] | pattern[i + 1] << 8);
      check(lse_l16ui_a15(pattern + i, decoy) == u, "l16ui");
      check(lse_l16si_a7(pattern + i, decoy) == (int16_t)u, "l16si");
    }
  }
  check(lse_keeps_others(pattern + 3) == 4, "registers or SAR not restored");
  // Last: a store must reach the fatal path, which ends the test.
  expect_fault = 1;
  lse_store(pattern);
  say("store returned\nFAIL\n");
  semi_exit(1);
}
