// SPDX-License-Identifier: MIT
// rom_helpers.S: the arithmetic helpers Debian's lx106 libgcc lacks
// (division, 64-bit multiply, soft float), taken from the boot ROM, which
// has them (PROTOCOLS.md 5.6).
//
// Why trampolines and not bare symbol addresses: picolibc's libc.a was
// built without -mlongcalls, so its calls are call0 with a reach of
// +-512 KiB, and irom0 (0x4021xxxx) is 2 MiB away from the ROM. Each
// helper is therefore a stub in irom0, near libc, that jumps on to the ROM
// through a8: a8 holds no argument (a2..a7 do) and is the caller's to lose
// across any call, and a0 still holds the caller's return address, so the
// ROM routine returns straight to the caller. The QEMU image has no ROM
// and compiles hal_qemu's C versions instead.

  .macro rom_helper name, addr
  .section .text.\name, "ax"
  .literal_position
  .global \name
  .type \name, @function
  .align 4
\name:
  movi a8, \addr
  jx a8
  .size \name, . - \name
  .endm

  rom_helper __divsi3, 0x4000DC88
  rom_helper __udivsi3, 0x4000E21C
  rom_helper __umodsi3, 0x4000E268
  rom_helper __divdi3, 0x4000CE60
  rom_helper __udivdi3, 0x4000D310
  rom_helper __umoddi3, 0x4000D770
  rom_helper __muldi3, 0x40000650
  rom_helper __umulsidi3, 0x4000DCF0
  rom_helper __addsf3, 0x4000C180
  rom_helper __subsf3, 0x4000C268
  rom_helper __mulsf3, 0x4000C3DC
  rom_helper __fixunssfsi, 0x4000C4C4
  rom_helper __adddf3, 0x4000C538
  rom_helper __subdf3, 0x4000C688
  rom_helper __muldf3, 0x4000C8F0
  rom_helper __divdf3, 0x4000CB94
  rom_helper __fixdfsi, 0x4000CCB8
  rom_helper __fixunsdfsi, 0x4000CD00
  rom_helper __truncdfsf2, 0x4000CD5C
  rom_helper __extendsfdf2, 0x4000CDFC
  rom_helper __floatunsisf, 0x4000E2A4
  rom_helper __floatsisf, 0x4000E2AC
  rom_helper __floatunsidf, 0x4000E2E8
  rom_helper __floatsidf, 0x4000E2F0
