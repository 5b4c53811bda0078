// SPDX-License-Identifier: MIT
// start.S: the entry the boot ROM jumps to, the exception vectors, and the
// handler that performs byte and half-word loads from irom0.
//
// The ROM has already copied the image's IRAM and DRAM segments (code,
// .data, the string literals) to RAM, so nothing is copied here: _start
// sets PS, VECBASE and the stack, zeroes .bss, maps flash at 0x40200000
// (Cache_Read_Enable) and only then calls C, most of which runs from there.

// PS: UM 1 (exceptions take the user vector, as under the SDK), EXCM 0,
// INTLEVEL 0. INTENABLE is cleared first: no interrupt source is used
// without the SDK, so rsil in board_irq_disable is what masks them.
#define PS_RUN 0x20

// What fault.c is told about the vector that was taken (hal_esp8266.h).
#define VEC_GENERAL 0
#define VEC_DOUBLE 1
#define VEC_DEBUG 2
#define VEC_NMI 3

// EXCCAUSE of a byte or half-word access to memory that answers only
// aligned words (irom0, IRAM).
#define CAUSE_LOAD_STORE_ERROR 3

// The save area of the load/store handler: a0..a15, then SAR.
#define SAVE_SAR 64

  .section .bss
  .align 4
lse_save:
  .space 68

// ---- Vector table: VECBASE points here (offsets fixed by the core) ----
  .section .vectors.text, "ax"
  .begin no-transform
  .global _vectors
  .align 256
_vectors:
  .org 0x10 // debug (interrupt level 2)
  movi a2, VEC_DEBUG
  j fault_entry
  .org 0x20 // NMI (level 3): only the SDK's WiFi raises it
  movi a2, VEC_NMI
  j fault_entry
  .org 0x30 // kernel exception (PS.UM = 0): not used
  movi a2, VEC_GENERAL
  j fault_entry
  .org 0x50 // user exception: perhaps a byte load from irom0
  wsr a0, excsave1
  j user_exception
  .org 0x70 // double exception
  movi a2, VEC_DOUBLE
  j fault_entry
  .org 0x80
  .end no-transform

  .section .iram.text, "ax"
  .literal_position
  .literal .Lvectors, _vectors
  .literal .Lstack_top, _stack_top
  .literal .Lbss_start, _bss_start
  .literal .Lbss_end, _bss_end
  .literal .Lcache_enable, Cache_Read_Enable
  .literal .Lmain, hal_esp8266_main
  .literal .Lsave, lse_save
  .literal .Lfault_stack, _fault_stack_top
  .literal .Lfault, hal_esp8266_fault

// ---- _start: the image's entry point ----
  .global _start
  .type _start, @function
  .align 4
_start:
  movi a2, 0
  wsr a2, intenable
  movi a2, PS_RUN
  wsr a2, ps
  rsync
  l32r a2, .Lvectors
  wsr a2, vecbase
  rsync
  l32r a1, .Lstack_top
  movi a0, 0
  // Zero .bss (8-byte aligned at both ends: whole words).
  l32r a2, .Lbss_start
  l32r a3, .Lbss_end
1:
  bgeu a2, a3, 2f
  s32i a0, a2, 0
  addi a2, a2, 4
  j 1b
2:
  // Map the first MiB of flash at 0x40200000 before any irom0 code runs.
  movi a2, 0
  movi a3, 0
  movi a4, 1
  l32r a0, .Lcache_enable
  callx0 a0
  l32r a0, .Lmain
  callx0 a0
3:
  j 3b // hal_esp8266_main never returns
  .size _start, . - _start

// ---- The user exception: emulate l8ui / l16ui / l16si on word memory ----
//
// A byte load from irom0 or IRAM raises LoadStoreErrorCause with EPC1 at
// the load and EXCVADDR the address. The handler reads the instruction
// (itself with aligned loads: it may sit in irom0), loads the aligned word
// holding the data, extracts the byte or half-word into the saved image of
// the target register, steps EPC1 over the 3-byte instruction and returns.
// Every other cause, and stores, are fatal. Not reentrant: it runs with
// PS.EXCM set, so a fault inside it takes the double-exception vector.
  .type user_exception, @function
  .align 4
user_exception:
  l32r a0, .Lsave
  s32i a1, a0, 4
  s32i a2, a0, 8
  s32i a3, a0, 12
  s32i a4, a0, 16
  s32i a5, a0, 20
  s32i a6, a0, 24
  s32i a7, a0, 28
  s32i a8, a0, 32
  s32i a9, a0, 36
  s32i a10, a0, 40
  s32i a11, a0, 44
  s32i a12, a0, 48
  s32i a13, a0, 52
  s32i a14, a0, 56
  s32i a15, a0, 60
  rsr a2, excsave1
  s32i a2, a0, 0
  rsr a2, sar
  s32i a2, a0, SAVE_SAR

  rsr a2, exccause
  movi a3, CAUSE_LOAD_STORE_ERROR
  bne a2, a3, .Lnot_a_load

  // The instruction: 3 bytes at EPC1, from the two words around it.
  rsr a2, epc1
  movi a3, -4
  and a4, a2, a3
  l32i a5, a4, 0
  l32i a6, a4, 4
  ssa8l a2
  src a5, a6, a5
  // op0 (bits 3:0) 2 is the LSAI group; r (bits 15:12) picks the load,
  // t (bits 7:4) the target register.
  extui a6, a5, 0, 4
  movi a7, 2
  bne a6, a7, .Lnot_a_load
  extui a6, a5, 12, 4
  extui a7, a5, 4, 4

  // The data: the aligned word holding it, shifted down.
  rsr a3, excvaddr
  movi a8, -4
  and a4, a3, a8
  l32i a9, a4, 0
  ssa8l a3
  srl a9, a9
  beqz a6, .Lu8 // r 0: l8ui
  movi a8, 1
  beq a6, a8, .Lu16 // r 1: l16ui
  movi a8, 9
  beq a6, a8, .Ls16 // r 9: l16si
  j .Lnot_a_load
.Lu8:
  extui a9, a9, 0, 8
  j .Lput
.Lu16:
  extui a9, a9, 0, 16
  j .Lput
.Ls16:
  slli a9, a9, 16
  srai a9, a9, 16
.Lput:
  addx4 a8, a7, a0
  s32i a9, a8, 0
  rsr a2, epc1
  addi a2, a2, 3
  wsr a2, epc1

  l32i a2, a0, SAVE_SAR
  wsr a2, sar
  l32i a1, a0, 4
  l32i a2, a0, 8
  l32i a3, a0, 12
  l32i a4, a0, 16
  l32i a5, a0, 20
  l32i a6, a0, 24
  l32i a7, a0, 28
  l32i a8, a0, 32
  l32i a9, a0, 36
  l32i a10, a0, 40
  l32i a11, a0, 44
  l32i a12, a0, 48
  l32i a13, a0, 52
  l32i a14, a0, 56
  l32i a15, a0, 60
  l32i a0, a0, 0
  rfe

.Lnot_a_load:
  movi a2, VEC_GENERAL
  j fault_entry
  .size user_exception, . - user_exception

// a2 holds the VEC_* kind. Runs on its own stack, so that a fault caused by
// a blown C stack can still report.
  .global fault_entry
  .type fault_entry, @function
  .align 4
fault_entry:
  l32r a1, .Lfault_stack
  l32r a0, .Lfault
  callx0 a0
4:
  j 4b // hal_esp8266_fault never returns
  .size fault_entry, . - fault_entry
