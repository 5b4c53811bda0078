// SPDX-License-Identifier: MIT
// fault.c: the report of a CPU exception, in the ESP8266 SDK's words.
//
// The SDK prints, for example,
//   Fatal exception 28(LoadProhibitedCause):
//   epc1=0x4020a1b4, epc2=0x00000000, epc3=0x00000000, excvaddr=0x00000000, depc=0x00000000
// and the board reboots. Here the same two lines go to the semihosting
// console (with \r\n line ends, framed by a leading \r\n so the report
// starts a line) and QEMU exits with HAL_QEMU_EXIT_FATAL, so the rig sees
// a crash with its cause and address instead of a hang.
//
// Runs on the fault stack set up by start.S, with PS.EXCM set: a second
// exception in here would take the double-exception vector and come back,
// which the `busy` flag turns into a bare exit.
#include "hal_qemu.h"
#include "semihost.h"

#include <stddef.h>

// Names of EXCCAUSE values, as the Xtensa ISA (and so the SDK) spells them.
static const char *const cause_names[] = {
    [0] = "IllegalInstructionCause",     [1] = "SyscallCause",
    [2] = "InstructionFetchErrorCause",  [3] = "LoadStoreErrorCause",
    [4] = "Level1InterruptCause",        [5] = "AllocaCause",
    [6] = "IntegerDivideByZeroCause",    [8] = "PrivilegedCause",
    [9] = "LoadStoreAlignmentCause",     [12] = "InstrPIFDataErrorCause",
    [13] = "LoadStorePIFDataErrorCause", [14] = "InstrPIFAddrErrorCause",
    [15] = "LoadStorePIFAddrErrorCause", [16] = "InstTLBMissCause",
    [17] = "InstTLBMultiHitCause",       [18] = "InstFetchPrivilegeCause",
    [20] = "InstFetchProhibitedCause",   [24] = "LoadStoreTLBMissCause",
    [25] = "LoadStoreTLBMultiHitCause",  [26] = "LoadStorePrivilegeCause",
    [28] = "LoadProhibitedCause",        [29] = "StoreProhibitedCause",
};

// The vector kinds of start.S.
enum { VEC_GENERAL, VEC_DOUBLE, VEC_DEBUG, VEC_NMI };

#define READ_SR(name)                                                                                        \
  ({                                                                                                         \
    uint32_t v_;                                                                                             \
    __asm__ volatile("rsr %0, " #name : "=r"(v_));                                                           \
    v_;                                                                                                      \
  })

// The report is built in one buffer and written with one call.
typedef struct {
  char text[200];
  size_t len;
} report_t;

static void put(report_t *r, const char *s) {
  while (*s && r->len < sizeof r->text)
    r->text[r->len++] = *s++;
}

static void put_dec(report_t *r, uint32_t v) {
  char digits[10];
  int n = 0;
  do {
    digits[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  while (n > 0 && r->len < sizeof r->text)
    r->text[r->len++] = digits[--n];
}

static void put_hex(report_t *r, const char *label, uint32_t v) {
  put(r, label);
  put(r, "=0x");
  for (int shift = 28; shift >= 0 && r->len < sizeof r->text; shift -= 4)
    r->text[r->len++] = "0123456789abcdef"[(v >> shift) & 0xF];
}

void hal_qemu_fault(uint32_t vector) {
  static int busy;
  if (busy) semi_exit(HAL_QEMU_EXIT_FATAL);
  busy = 1;

  uint32_t cause = READ_SR(exccause);
  const char *name = NULL;
  if (vector == VEC_DEBUG)
    name = "DebugException";
  else if (vector == VEC_NMI)
    name = "NMI";
  else if (cause < sizeof cause_names / sizeof cause_names[0])
    name = cause_names[cause];

  report_t r = {.len = 0};
  put(&r, "\r\nFatal exception ");
  put_dec(&r, cause);
  put(&r, "(");
  put(&r, name ? name : "unknown");
  put(&r, "):\r\n");
  put_hex(&r, "epc1", READ_SR(epc1));
  put_hex(&r, ", epc2", READ_SR(epc2));
  put_hex(&r, ", epc3", READ_SR(epc3));
  put_hex(&r, ", excvaddr", READ_SR(excvaddr));
  put_hex(&r, ", depc", READ_SR(depc));
  put(&r, "\r\n");

  int32_t err;
  semi_call(SEMI_SYS_WRITE, 1, (int32_t)(uintptr_t)r.text, (int32_t)r.len, &err);
  semi_exit(HAL_QEMU_EXIT_FATAL);
}
