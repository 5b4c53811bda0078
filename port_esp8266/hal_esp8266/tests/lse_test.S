// SPDX-License-Identifier: MIT
// lse_test.S: the QEMU side of the load/store-error handler test: routines
// that enter start.S's user exception vector as the chip would on a byte
// load from irom0.
//
// QEMU's sim machine lets byte loads reach any RAM, so it never raises
// LoadStoreErrorCause itself. Each routine below sets up what the core
// would have: EXCCAUSE 3, EXCVADDR the address, EPC1 the load instruction,
// PS.EXCM set; then jumps to the vector. The handler must emulate the load
// into the instruction's target register and return past it; the load
// itself never runs. To prove that, each load's base register (a11) holds
// a decoy address (the second argument): were the handler to return onto
// the load instead of past it, QEMU would read the decoy's bytes.

  .section .text.lse_test, "ax"
  .literal_position
  .literal .Luser_vector, _vectors + 0x50

// Raises the exception for the load at [label] with address a2, leaving
// registers as they are.
  .macro raise label
  wsr a2, excvaddr
  movi a9, 3
  wsr a9, exccause
  movi a9, \label
  wsr a9, epc1
  rsr a9, ps
  movi a10, 0x10
  or a9, a9, a10
  wsr a9, ps
  rsync
  l32r a9, .Luser_vector
  jx a9
  .endm

// uint32_t lse_l8ui_a3(const void *p, const void *decoy): l8ui into a3.
  .global lse_l8ui_a3
  .type lse_l8ui_a3, @function
  .align 4
lse_l8ui_a3:
  mov a11, a3
  movi a3, 0x5A5A5A5A
  raise 1f
1:
  l8ui a3, a11, 0
  mov a2, a3
  ret

// uint32_t lse_l16ui_a15(const void *p, const void *decoy): l16ui into
// a15 (callee-saved: kept in a5 meanwhile).
  .global lse_l16ui_a15
  .type lse_l16ui_a15, @function
  .align 4
lse_l16ui_a15:
  mov a11, a3
  mov a5, a15
  movi a15, -1
  raise 1f
1:
  l16ui a15, a11, 0
  mov a2, a15
  mov a15, a5
  ret

// int32_t lse_l16si_a7(const void *p, const void *decoy): l16si into a7.
  .global lse_l16si_a7
  .type lse_l16si_a7, @function
  .align 4
lse_l16si_a7:
  mov a11, a3
  movi a7, 0
  raise 1f
1:
  l16si a7, a11, 0
  mov a2, a7
  ret

// uint32_t lse_keeps_others(const void *p): l8ui into a4 while a6, a8 and
// a11 hold known values and SAR a known shift; returns the number of them
// that survived (4 when the handler restores everything but a4).
  .global lse_keeps_others
  .type lse_keeps_others, @function
  .align 4
lse_keeps_others:
  movi a6, 0x11111111
  movi a8, 0x22222222
  movi a11, 0x33333333
  movi a3, 13
  ssr a3 // SAR = 13
  raise 1f
1:
  l8ui a4, a2, 0
  movi a2, 0
  movi a3, 0x11111111
  bne a6, a3, 2f
  addi a2, a2, 1
2:
  movi a3, 0x22222222
  bne a8, a3, 3f
  addi a2, a2, 1
3:
  movi a3, 0x33333333
  bne a11, a3, 4f
  addi a2, a2, 1
4:
  rsr a3, sar
  movi a5, 13
  bne a3, a5, 5f
  addi a2, a2, 1
5:
  ret

// void lse_store(void *p): an s8i "fault": stores are not emulated, so the
// handler must go to the fatal path (hal_esp8266_fault).
  .global lse_store
  .type lse_store, @function
  .align 4
lse_store:
  raise 1f
1:
  s8i a3, a2, 0
  ret
