// SPDX-License-Identifier: MIT
// qemu_stub.S: the reset stub of the back-end's QEMU test programs. QEMU's
// sim machine starts the lx106 at 0x50000000 whatever the ELF says; this
// jumps to start.S's _start, as the boot ROM would on the chip.
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

