// SPDX-License-Identifier: MIT
// float_helpers.c: the IEEE 754 soft-float helpers GCC calls on the lx106
// (no FPU) and Debian's libgcc leaves out.
//
// On the chip the ROM supplies them (PROTOCOLS.md 5.6); QEMU runs no ROM.
// Measured absent from Debian's libgcc 12.2.0 (present ones are comparisons,
// __divsf3, __fixsfsi, __negdf2, the 64-bit integer conversions):
//   double: __adddf3 __subdf3 __muldf3 __divdf3 __floatsidf __floatunsidf
//           __fixdfsi __fixunsdfsi __extendsfdf2 __truncdfsf2
//   float:  __addsf3 __subsf3 __mulsf3 __floatsisf __floatunsisf __fixunssfsi
//
// Round to nearest, ties to even, with subnormals, infinities and NaNs (a
// NaN result is the quiet form of a NaN operand, else the default NaN). No
// exception flags, no other rounding modes: C code on this target has no
// way to ask for them.
//
// The float operations compute in double and round once to float. For
// +, -, * and / that is exactly the correctly rounded float result, because
// a double carries more than twice a float's 24 significant bits plus two.
//
// Working form of a finite double: sign, biased exponent e and a significand
// m whose leading 1 sits at bit 55, i.e. value = m * 2^(e - 1023 - 55). The
// 3 bits below the double's 52 fraction bits are guard, round and sticky.
#include <stdint.h>
#include <string.h>

// Host tests build this file with renamed entry points.
#ifndef HELPER
#define HELPER(name) name
#endif

double HELPER(__adddf3)(double a, double b);
double HELPER(__subdf3)(double a, double b);
double HELPER(__muldf3)(double a, double b);
double HELPER(__divdf3)(double a, double b);
double HELPER(__floatsidf)(int32_t i);
double HELPER(__floatunsidf)(uint32_t u);
int32_t HELPER(__fixdfsi)(double a);
uint32_t HELPER(__fixunsdfsi)(double a);
double HELPER(__extendsfdf2)(float f);
float HELPER(__truncdfsf2)(double a);
float HELPER(__addsf3)(float a, float b);
float HELPER(__subsf3)(float a, float b);
float HELPER(__mulsf3)(float a, float b);
float HELPER(__floatsisf)(int32_t i);
float HELPER(__floatunsisf)(uint32_t u);
uint32_t HELPER(__fixunssfsi)(float a);

#define SIGN64 ((uint64_t)1 << 63)
#define EXP_MASK64 0x7FFu
#define FRAC_MASK64 (((uint64_t)1 << 52) - 1)
#define QUIET64 ((uint64_t)1 << 51)
#define DEFAULT_NAN64 ((uint64_t)0x7FF8000000000000)
#define INF64 ((uint64_t)0x7FF0000000000000)
#define BIAS64 1023

#define SIGN32 ((uint32_t)1 << 31)
#define FRAC_MASK32 (((uint32_t)1 << 23) - 1)
#define QUIET32 ((uint32_t)1 << 22)
#define INF32 ((uint32_t)0x7F800000)

static uint64_t bits64(double d) {
  uint64_t u;
  memcpy(&u, &d, sizeof u);
  return u;
}

static double from_bits64(uint64_t u) {
  double d;
  memcpy(&d, &u, sizeof d);
  return d;
}

static uint32_t bits32(float f) {
  uint32_t u;
  memcpy(&u, &f, sizeof u);
  return u;
}

static float from_bits32(uint32_t u) {
  float f;
  memcpy(&f, &u, sizeof f);
  return f;
}

static int exp64(uint64_t u) {
  return (int)((u >> 52) & EXP_MASK64);
}
static int is_nan64(uint64_t u) {
  return exp64(u) == EXP_MASK64 && (u & FRAC_MASK64) != 0;
}

// [m] shifted right by [n], any bit shifted out ORed into bit 0 (sticky).
static uint64_t shift_right_sticky(uint64_t m, int n) {
  if (n <= 0) return m;
  if (n >= 64) return m != 0;
  return (m >> n) | ((m << (64 - n)) != 0);
}

// Rounds and packs sign [sign] (0 or SIGN64), biased exponent [e] and
// significand [m] (value m * 2^(e - 1023 - 55), m below 2^57, any
// normalisation) into a double.
static uint64_t round_pack64(uint64_t sign, int e, uint64_t m) {
  if (m == 0) return sign;
  if (m >> 56) {
    m = shift_right_sticky(m, 1);
    e++;
  }
  int lz = __builtin_clzll(m) - 8; // bring the leading 1 to bit 55
  m <<= lz;
  e -= lz;
  if (e >= (int)EXP_MASK64) return sign | INF64;
  if (e <= 0) { // subnormal: the exponent field 0 means 2^(1 - 1023)
    m = shift_right_sticky(m, 1 - e);
    e = 0;
  }
  unsigned low = (unsigned)(m & 7);
  m >>= 3;
  if (low > 4 || (low == 4 && (m & 1))) m++;
  if (e == 0) {
    if (m >> 52) e = 1; // rounded up into the smallest normal
  } else if (m >> 53) {
    m >>= 1;
    e++;
    if (e >= (int)EXP_MASK64) return sign | INF64;
  }
  return sign | ((uint64_t)e << 52) | (m & FRAC_MASK64);
}

// Splits a finite double into exponent and significand in the working form
// (not necessarily normalised: a subnormal's leading 1 is lower).
static uint64_t unpack64(uint64_t u, int *e) {
  int ex = exp64(u);
  uint64_t m = u & FRAC_MASK64;
  if (ex == 0) {
    *e = 1;
  } else {
    *e = ex;
    m |= (uint64_t)1 << 52;
  }
  return m << 3;
}

// The NaN result of an operation with a NaN operand.
static uint64_t nan_result64(uint64_t a, uint64_t b) {
  if (is_nan64(a)) return a | QUIET64;
  if (is_nan64(b)) return b | QUIET64;
  return DEFAULT_NAN64;
}

static uint64_t add64(uint64_t a, uint64_t b) {
  if (exp64(a) == EXP_MASK64 || exp64(b) == EXP_MASK64) {
    if (is_nan64(a) || is_nan64(b)) return nan_result64(a, b);
    if (exp64(a) == EXP_MASK64 && exp64(b) == EXP_MASK64 && ((a ^ b) & SIGN64))
      return DEFAULT_NAN64; // inf - inf
    return exp64(a) == EXP_MASK64 ? a : b;
  }
  if ((a << 1) == 0 && (b << 1) == 0) return a & b; // -0 only for -0 + -0
  if ((a << 1) < (b << 1)) {                        // make |a| >= |b|
    uint64_t t = a;
    a = b;
    b = t;
  }
  int ea, eb;
  uint64_t ma = unpack64(a, &ea), mb = unpack64(b, &eb);
  mb = shift_right_sticky(mb, ea - eb);
  uint64_t sign = a & SIGN64;
  if ((a ^ b) & SIGN64) {
    uint64_t m = ma - mb;
    if (m == 0) return 0; // x - x is +0 when rounding to nearest
    return round_pack64(sign, ea, m);
  }
  return round_pack64(sign, ea, ma + mb);
}

// The 128-bit product of two 64-bit words, as hi:lo, from 32-bit halves.
static void mul64x64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo);

uint64_t HELPER(__umulsidi3)(uint32_t a, uint32_t b); // int_helpers.c

static void mul64x64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo) {
  uint32_t a0 = (uint32_t)a, a1 = (uint32_t)(a >> 32);
  uint32_t b0 = (uint32_t)b, b1 = (uint32_t)(b >> 32);
  uint64_t p00 = HELPER(__umulsidi3)(a0, b0);
  uint64_t p01 = HELPER(__umulsidi3)(a0, b1);
  uint64_t p10 = HELPER(__umulsidi3)(a1, b0);
  uint64_t p11 = HELPER(__umulsidi3)(a1, b1);
  uint64_t mid = (p00 >> 32) + (uint32_t)p01 + (uint32_t)p10; // < 3 * 2^32
  *lo = (uint32_t)p00 | (mid << 32);
  *hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

// Normalises a working-form significand so its leading 1 is at bit 55.
static uint64_t normalise64(uint64_t m, int *e) {
  int lz = __builtin_clzll(m) - 8;
  *e -= lz;
  return m << lz;
}

static uint64_t mul64(uint64_t a, uint64_t b) {
  uint64_t sign = (a ^ b) & SIGN64;
  int a_inf = exp64(a) == EXP_MASK64, b_inf = exp64(b) == EXP_MASK64;
  if (a_inf || b_inf) {
    if (is_nan64(a) || is_nan64(b)) return nan_result64(a, b);
    if ((a << 1) == 0 || (b << 1) == 0) return DEFAULT_NAN64; // inf * 0
    return sign | INF64;
  }
  if ((a << 1) == 0 || (b << 1) == 0) return sign;
  int ea, eb;
  uint64_t ma = normalise64(unpack64(a, &ea), &ea) >> 3; // 53 bits, leading 1 at bit 52
  uint64_t mb = normalise64(unpack64(b, &eb), &eb) >> 3;
  uint64_t hi, lo;
  mul64x64(ma, mb, &hi, &lo); // product below 2^106, leading 1 at bit 104 or 105
  // Keep bits 105..49 (the leading 1 lands at bit 55 or 56), sticky below.
  uint64_t m = (hi << 15) | (lo >> 49) | ((lo & (((uint64_t)1 << 49) - 1)) != 0);
  return round_pack64(sign, ea + eb - BIAS64, m);
}

static uint64_t div64(uint64_t a, uint64_t b) {
  uint64_t sign = (a ^ b) & SIGN64;
  int a_inf = exp64(a) == EXP_MASK64, b_inf = exp64(b) == EXP_MASK64;
  if (a_inf || b_inf) {
    if (is_nan64(a) || is_nan64(b)) return nan_result64(a, b);
    if (a_inf && b_inf) return DEFAULT_NAN64;
    return a_inf ? sign | INF64 : sign;
  }
  if ((b << 1) == 0) return (a << 1) == 0 ? DEFAULT_NAN64 : sign | INF64;
  if ((a << 1) == 0) return sign;
  int ea, eb;
  uint64_t ma = normalise64(unpack64(a, &ea), &ea) >> 3;
  uint64_t mb = normalise64(unpack64(b, &eb), &eb) >> 3;
  int e = ea - eb + BIAS64;
  if (ma < mb) { // so the quotient's first bit is 1
    ma <<= 1;
    e--;
  }
  // Long division, one quotient bit per step: 56 bits, leading 1 at bit 55.
  uint64_t q = 0, r = ma;
  for (int i = 0; i < 56; i++) {
    q <<= 1;
    if (r >= mb) {
      r -= mb;
      q |= 1;
    }
    r <<= 1;
  }
  return round_pack64(sign, e, q | (r != 0));
}

double HELPER(__adddf3)(double a, double b) {
  return from_bits64(add64(bits64(a), bits64(b)));
}

double HELPER(__subdf3)(double a, double b) {
  uint64_t nb = bits64(b);
  if (!is_nan64(nb)) nb ^= SIGN64;
  return from_bits64(add64(bits64(a), nb));
}

double HELPER(__muldf3)(double a, double b) {
  return from_bits64(mul64(bits64(a), bits64(b)));
}

double HELPER(__divdf3)(double a, double b) {
  return from_bits64(div64(bits64(a), bits64(b)));
}

// Every 32-bit integer is exact in a double.
double HELPER(__floatunsidf)(uint32_t u) {
  return from_bits64(round_pack64(0, BIAS64 + 55, u));
}

double HELPER(__floatsidf)(int32_t i) {
  uint64_t sign = i < 0 ? SIGN64 : 0;
  uint32_t mag = i < 0 ? 0u - (uint32_t)i : (uint32_t)i;
  return from_bits64(round_pack64(sign, BIAS64 + 55, mag));
}

// The integer part of |a| when it is below 2^[bits]; *[over] is set when
// it is not (or a is NaN).
static uint64_t trunc_magnitude(uint64_t u, int bits, int *over) {
  *over = 0;
  int ex = exp64(u);
  if (ex == EXP_MASK64) {
    *over = 1;
    return 0;
  }
  int unbiased = ex - BIAS64; // value = 1.f * 2^unbiased
  if (unbiased < 0) return 0;
  if (unbiased >= bits) {
    *over = 1;
    return 0;
  }
  uint64_t m = (u & FRAC_MASK64) | ((uint64_t)1 << 52);
  return unbiased >= 52 ? m << (unbiased - 52) : m >> (52 - unbiased);
}

// Out-of-range conversions (undefined in C) saturate; NaN gives 0.
int32_t HELPER(__fixdfsi)(double a) {
  uint64_t u = bits64(a);
  if (is_nan64(u)) return 0;
  int over;
  uint64_t mag = trunc_magnitude(u, 32, &over);
  if (u & SIGN64) {
    if (over || mag > (uint64_t)1 << 31) return INT32_MIN;
    return (int32_t)(0u - (uint32_t)mag);
  }
  if (over || mag > INT32_MAX) return INT32_MAX;
  return (int32_t)mag;
}

uint32_t HELPER(__fixunsdfsi)(double a) {
  uint64_t u = bits64(a);
  if (is_nan64(u) || (u & SIGN64)) return 0;
  int over;
  uint64_t mag = trunc_magnitude(u, 32, &over);
  return over ? UINT32_MAX : (uint32_t)mag;
}

double HELPER(__extendsfdf2)(float f) {
  uint32_t u = bits32(f);
  uint64_t sign = (uint64_t)(u & SIGN32) << 32;
  int ex = (int)((u >> 23) & 0xFF);
  uint32_t frac = u & FRAC_MASK32;
  if (ex == 0xFF) {
    uint64_t nan_bit = frac ? QUIET64 : 0;
    return from_bits64(sign | INF64 | nan_bit | ((uint64_t)frac << 29));
  }
  if (ex == 0) {
    if (frac == 0) return from_bits64(sign);
    // value = frac * 2^(-126 - 23); every float subnormal is a normal double.
    return from_bits64(round_pack64(sign, 1 - 127 + BIAS64 + 55 - 23, frac));
  }
  return from_bits64(sign | ((uint64_t)(ex - 127 + BIAS64) << 52) | ((uint64_t)frac << 29));
}

float HELPER(__truncdfsf2)(double a) {
  uint64_t u = bits64(a);
  uint32_t sign = (uint32_t)(u >> 32) & SIGN32;
  int ex = exp64(u);
  if (ex == EXP_MASK64) {
    if (u & FRAC_MASK64) return from_bits32(sign | INF32 | QUIET32 | (uint32_t)((u & FRAC_MASK64) >> 29));
    return from_bits32(sign | INF32);
  }
  if ((u << 1) == 0) return from_bits32(sign);
  // Working form for float: leading 1 at bit 26 (23 fraction bits + 3).
  int e;
  uint64_t m = normalise64(unpack64(u, &e), &e); // leading 1 at bit 55
  e = e - BIAS64 + 127;
  uint32_t m32 = (uint32_t)shift_right_sticky(m, 29); // leading 1 at bit 26
  if (e >= 0xFF) return from_bits32(sign | INF32);
  if (e <= 0) {
    m32 = (uint32_t)shift_right_sticky(m32, 1 - e);
    e = 0;
  }
  unsigned low = m32 & 7;
  m32 >>= 3;
  if (low > 4 || (low == 4 && (m32 & 1))) m32++;
  if (e == 0) {
    if (m32 >> 23) e = 1;
  } else if (m32 >> 24) {
    m32 >>= 1;
    e++;
    if (e >= 0xFF) return from_bits32(sign | INF32);
  }
  return from_bits32(sign | ((uint32_t)e << 23) | (m32 & FRAC_MASK32));
}

float HELPER(__addsf3)(float a, float b) {
  return HELPER(__truncdfsf2)(HELPER(__adddf3)(HELPER(__extendsfdf2)(a), HELPER(__extendsfdf2)(b)));
}

float HELPER(__subsf3)(float a, float b) {
  return HELPER(__truncdfsf2)(HELPER(__subdf3)(HELPER(__extendsfdf2)(a), HELPER(__extendsfdf2)(b)));
}

float HELPER(__mulsf3)(float a, float b) {
  return HELPER(__truncdfsf2)(HELPER(__muldf3)(HELPER(__extendsfdf2)(a), HELPER(__extendsfdf2)(b)));
}

// An int32 is exact in a double, so one rounding (double to float) is all.
float HELPER(__floatsisf)(int32_t i) {
  return HELPER(__truncdfsf2)(HELPER(__floatsidf)(i));
}

float HELPER(__floatunsisf)(uint32_t u) {
  return HELPER(__truncdfsf2)(HELPER(__floatunsidf)(u));
}

uint32_t HELPER(__fixunssfsi)(float a) {
  return HELPER(__fixunsdfsi)(HELPER(__extendsfdf2)(a));
}
