// SPDX-License-Identifier: MIT
// int_helpers.c: the integer arithmetic helpers GCC calls on the lx106 and
// Debian's libgcc leaves out.
//
// The lx106 has no divide instruction and no high-half multiply. On the
// chip the ROM supplies these helpers (PROTOCOLS.md 5.6); QEMU runs no ROM,
// so the QEMU image carries its own. Measured absent from Debian's libgcc
// 12.2.0: __divsi3 __udivsi3 __umodsi3 __divdi3 __udivdi3 __umoddi3 __muldi3
// __umulsidi3 (libgcc has __modsi3 and __moddi3, which call some of these).
//
// Division is shift-and-subtract, aligned first with count-leading-zeros so
// that it takes one step per quotient bit. Nothing here may divide or
// multiply 64-bit values with C operators, or it would call itself.
// Division by zero, which C leaves undefined and the runtime checks before
// dividing, gives an all-ones quotient and the dividend as remainder.
#include <stdint.h>

// Host tests build this file with renamed entry points.
#ifndef HELPER
#define HELPER(name) name
#endif

uint32_t HELPER(__udivsi3)(uint32_t n, uint32_t d);
uint32_t HELPER(__umodsi3)(uint32_t n, uint32_t d);
int32_t HELPER(__divsi3)(int32_t n, int32_t d);
uint64_t HELPER(__udivdi3)(uint64_t n, uint64_t d);
uint64_t HELPER(__umoddi3)(uint64_t n, uint64_t d);
int64_t HELPER(__divdi3)(int64_t n, int64_t d);
uint64_t HELPER(__umulsidi3)(uint32_t a, uint32_t b);
int64_t HELPER(__muldi3)(int64_t a, int64_t b);

// Quotient of [n] / [d]; the remainder goes to *[rem].
static uint32_t udivmod32(uint32_t n, uint32_t d, uint32_t *rem) {
  if (d == 0) {
    *rem = n;
    return UINT32_MAX;
  }
  if (n < d) {
    *rem = n;
    return 0;
  }
  int shift = __builtin_clz(d) - __builtin_clz(n); // d << shift <= n < d << (shift + 1)
  d <<= shift;
  uint32_t q = 0;
  for (int i = 0; i <= shift; i++) {
    q <<= 1;
    if (n >= d) {
      n -= d;
      q |= 1;
    }
    d >>= 1;
  }
  *rem = n;
  return q;
}

static uint64_t udivmod64(uint64_t n, uint64_t d, uint64_t *rem) {
  if ((n >> 32) == 0 && (d >> 32) == 0) {
    uint32_t r;
    uint32_t q = udivmod32((uint32_t)n, (uint32_t)d, &r);
    *rem = r;
    return d == 0 ? UINT64_MAX : q;
  }
  if (d == 0) {
    *rem = n;
    return UINT64_MAX;
  }
  if (n < d) {
    *rem = n;
    return 0;
  }
  int shift = __builtin_clzll(d) - __builtin_clzll(n);
  d <<= shift;
  uint64_t q = 0;
  for (int i = 0; i <= shift; i++) {
    q <<= 1;
    if (n >= d) {
      n -= d;
      q |= 1;
    }
    d >>= 1;
  }
  *rem = n;
  return q;
}

uint32_t HELPER(__udivsi3)(uint32_t n, uint32_t d) {
  uint32_t r;
  return udivmod32(n, d, &r);
}

uint32_t HELPER(__umodsi3)(uint32_t n, uint32_t d) {
  uint32_t r;
  udivmod32(n, d, &r);
  return r;
}

// C division truncates toward zero: the quotient's sign is the XOR of the
// operands' signs. Magnitudes are taken in unsigned arithmetic so that
// INT32_MIN has one.
int32_t HELPER(__divsi3)(int32_t n, int32_t d) {
  uint32_t un = n < 0 ? 0u - (uint32_t)n : (uint32_t)n;
  uint32_t ud = d < 0 ? 0u - (uint32_t)d : (uint32_t)d;
  uint32_t r;
  uint32_t q = udivmod32(un, ud, &r);
  return (int32_t)((n < 0) != (d < 0) ? 0u - q : q);
}

uint64_t HELPER(__udivdi3)(uint64_t n, uint64_t d) {
  uint64_t r;
  return udivmod64(n, d, &r);
}

uint64_t HELPER(__umoddi3)(uint64_t n, uint64_t d) {
  uint64_t r;
  udivmod64(n, d, &r);
  return r;
}

int64_t HELPER(__divdi3)(int64_t n, int64_t d) {
  uint64_t un = n < 0 ? 0u - (uint64_t)n : (uint64_t)n;
  uint64_t ud = d < 0 ? 0u - (uint64_t)d : (uint64_t)d;
  uint64_t r;
  uint64_t q = udivmod64(un, ud, &r);
  return (int64_t)((n < 0) != (d < 0) ? 0u - q : q);
}

// The full 64-bit product of two 32-bit words, from four 16 x 16 -> 32
// products (the lx106's mull gives only the low 32 bits of a product).
uint64_t HELPER(__umulsidi3)(uint32_t a, uint32_t b) {
  uint32_t al = a & 0xFFFF, ah = a >> 16;
  uint32_t bl = b & 0xFFFF, bh = b >> 16;
  uint32_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
  // Middle column: the high half of ll plus the low halves of lh and hl
  // (at most 3 * 0xFFFF, no overflow).
  uint32_t mid = (ll >> 16) + (lh & 0xFFFF) + (hl & 0xFFFF);
  uint32_t lo = (ll & 0xFFFF) | (mid << 16);
  uint32_t hi = hh + (lh >> 16) + (hl >> 16) + (mid >> 16);
  return ((uint64_t)hi << 32) | lo;
}

// The low 64 bits of a product, the same for signed and unsigned operands.
int64_t HELPER(__muldi3)(int64_t a, int64_t b) {
  uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
  uint32_t al = (uint32_t)ua, ah = (uint32_t)(ua >> 32);
  uint32_t bl = (uint32_t)ub, bh = (uint32_t)(ub >> 32);
  uint64_t p = HELPER(__umulsidi3)(al, bl);
  uint32_t hi = (uint32_t)(p >> 32) + al * bh + ah * bl;
  return (int64_t)(((uint64_t)hi << 32) | (uint32_t)p);
}
