// SPDX-License-Identifier: MIT
// start.S: the first instructions after a reset, and the exception vectors.
//
// QEMU's sim machine starts the lx106 at its static reset vector,
// 0x50000000, whatever the ELF's entry says. The stub there jumps to
// _start in IRAM. _start is also where board_reset comes back to: it
// rebuilds everything a boot needs (PS, VECBASE, the stack, a zeroed .bss,
// a fresh copy of .data) so that a restart is a boot, with no state carried
// over except the .noinit words.
//
// The vectors print the fault and stop QEMU (fault.c); nothing here returns
// from an exception, so the handlers save no registers.

// PS after start-up: INTLEVEL 15 (no interrupts are used), EXCM 0 so that
// exceptions go to the user/kernel vectors, UM 1 (user vector), as under
// the SDK.
#define PS_BOOT 0x2F

// Region protection (the lx106's "mimic CACHEATTR" option) splits the
// address space into eight 512 MiB regions, each with an access attribute
// set by wdtlb (data) and witlb (instruction fetch). Attribute 15 forbids
// every access. The chip has nothing in regions 0 and 4-7, so a null
// pointer load there faults with LoadProhibitedCause (28) and a store with
// StoreProhibitedCause (29), as on the board. Regions 1-3 (DRAM and DPORT,
// ROM/IRAM/flash and the reset stub, peripherals) keep QEMU's reset value.
#define REGION_NO_ACCESS 15

// What fault.c is told about the vector that was taken.
#define VEC_GENERAL 0 // user or kernel exception: EXCCAUSE, EPC1
#define VEC_DOUBLE 1  // exception while PS.EXCM was set: DEPC
#define VEC_DEBUG 2   // level-2 (debug) interrupt
#define VEC_NMI 3     // level-3 non-maskable interrupt

  .section .stub.text, "ax"
  .global _reset_stub
  .align 4
_reset_stub:
  j 1f
  .align 4
2:
  .word _start
1:
  l32r a0, 2b
  jx a0

// ---- Vector table: VECBASE points here (offsets fixed by the core) ----
  .section .vectors.text, "ax"
  .begin no-transform
  .global _vectors
  .align 256
_vectors:
  .org 0x10 // debug (interrupt level 2)
  movi a2, VEC_DEBUG
  j fault_entry
  .org 0x20 // NMI (interrupt level 3)
  movi a2, VEC_NMI
  j fault_entry
  .org 0x30 // kernel exception (PS.UM = 0)
  movi a2, VEC_GENERAL
  j fault_entry
  .org 0x50 // user exception (PS.UM = 1)
  movi a2, VEC_GENERAL
  j fault_entry
  .org 0x70 // double exception
  movi a2, VEC_DOUBLE
  j fault_entry
  .org 0x80
  .end no-transform

// ---- Start-up and fault entry, in IRAM ----
  .section .iram.text, "ax"
  .literal_position
  .literal .Lvectors, _vectors
  .literal .Lstack_top, _stack_top
  .literal .Lbss_start, _bss_start
  .literal .Lbss_end, _bss_end
  .literal .Ldata_start, _data_start
  .literal .Ldata_end, _data_end
  .literal .Ldata_load, _data_load
  .literal .Lmain, hal_qemu_main
  .literal .Lfault_stack, _fault_stack_top
  .literal .Lfault, hal_qemu_fault

  .global _start
  .type _start, @function
  .align 4
_start:
  movi a2, PS_BOOT
  wsr a2, ps
  rsync
  l32r a2, .Lvectors
  wsr a2, vecbase
  rsync
  // Forbid regions 0 and 4-7 (0x00000000, 0x80000000 ... 0xE0000000).
  movi a3, REGION_NO_ACCESS
  movi a2, 0
  wdtlb a3, a2
  witlb a3, a2
  movi a4, 0x20000000
  movi a5, 0x80000000
  movi a2, 0x80000000
7:
  wdtlb a3, a2
  witlb a3, a2
  add a2, a2, a4
  bnez a2, 7b
  isync
  dsync

  l32r a1, .Lstack_top
  movi a0, 0

  // Zero .bss (8-byte aligned at both ends, so whole words).
  l32r a2, .Lbss_start
  l32r a3, .Lbss_end
1:
  bgeu a2, a3, 2f
  s32i a0, a2, 0
  addi a2, a2, 4
  j 1b
2:
  // Copy .data from its image in irom0 (word aligned at both ends).
  l32r a2, .Ldata_start
  l32r a3, .Ldata_end
  l32r a4, .Ldata_load
3:
  bgeu a2, a3, 4f
  l32i a5, a4, 0
  s32i a5, a2, 0
  addi a2, a2, 4
  addi a4, a4, 4
  j 3b
4:
  l32r a0, .Lmain
  callx0 a0
5:
  j 5b // hal_qemu_main never returns
  .size _start, . - _start

// a2 holds the VEC_* kind. Runs on its own stack, so that a fault caused by
// a blown C stack can still print.
  .global fault_entry
  .type fault_entry, @function
  .align 4
fault_entry:
  l32r a1, .Lfault_stack
  l32r a0, .Lfault
  callx0 a0
6:
  j 6b // hal_qemu_fault never returns
  .size fault_entry, . - fault_entry
