// SPDX-License-Identifier: MIT
// fault.c: a CPU exception, reported on UART0 in the ESP8266 SDK's words
//   Fatal exception 28(LoadProhibitedCause):
//   epc1=0x4020a1b4, epc2=0x00000000, epc3=0x00000000, excvaddr=0x00000000, depc=0x00000000
// (the form the rig's crash reader knows), then a reboot with
// BOARD_RESET_EXCEPTION as the next boot's reset cause.
//
// Runs in IRAM on the fault stack with PS.EXCM set, and reads nothing from
// irom0: the fault may have struck while the flash cache was off. Hence the
// names live in a writable (DRAM) table and the text is built by hand.
#include "board_hal.h"
#include "hal_esp8266.h"

#include <stddef.h>

// EXCCAUSE names as the Xtensa ISA spells them; the ones a firmware meets.
static const char *cause_names[30] = {
    [0] = "IllegalInstructionCause",   [2] = "InstructionFetchErrorCause", [3] = "LoadStoreErrorCause",
    [4] = "Level1InterruptCause",      [6] = "IntegerDivideByZeroCause",   [9] = "LoadStoreAlignmentCause",
    [20] = "InstFetchProhibitedCause", [28] = "LoadProhibitedCause",       [29] = "StoreProhibitedCause",
};

#define READ_SR(name)                                                                                        \
  ({                                                                                                         \
    uint32_t v_;                                                                                             \
    __asm__ volatile("rsr %0, " #name : "=r"(v_));                                                           \
    v_;                                                                                                      \
  })

HAL_IRAM static void put(const char *s) {
  while (*s)
    hal_uart0_putc(*s++);
}

HAL_IRAM static void put_dec(uint32_t v) {
  char digits[10];
  int n = 0;
  do {
    digits[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  while (n > 0)
    hal_uart0_putc(digits[--n]);
}

HAL_IRAM static void put_hex(const char *label, uint32_t v) {
  put(label);
  put("=0x");
  for (int shift = 28; shift >= 0; shift -= 4) {
    uint32_t d = (v >> shift) & 0xFu;
    hal_uart0_putc((char)(d < 10 ? '0' + d : 'a' + d - 10));
  }
}

HAL_IRAM void hal_esp8266_fault(uint32_t vector) {
  uint32_t cause = READ_SR(exccause);
  const char *name = NULL;
  if (vector == HAL_VEC_DEBUG)
    name = "DebugException";
  else if (vector == HAL_VEC_NMI)
    name = "NMI";
  else if (cause < sizeof cause_names / sizeof cause_names[0])
    name = cause_names[cause];
  put("\r\nFatal exception ");
  put_dec(cause);
  put("(");
  put(name ? name : "unknown");
  put("):\r\n");
  put_hex("epc1", READ_SR(epc1));
  put_hex(", epc2", READ_SR(epc2));
  put_hex(", epc3", READ_SR(epc3));
  put_hex(", excvaddr", READ_SR(excvaddr));
  put_hex(", depc", READ_SR(depc));
  put("\r\n");
  hal_reset_note(BOARD_RESET_EXCEPTION);
  hal_uart0_drain();
  hal_reboot();
}
