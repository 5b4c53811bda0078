// SPDX-License-Identifier: MIT
// test_helpers_host.c: checks the QEMU image's arithmetic helpers
// (int_helpers.c, float_helpers.c) on the host, against the host's own
// division and IEEE 754 hardware, over special values and random operands.
//
// Build and run (from the repository root):
//   cc -O2 -o /tmp/test_helpers port_esp8266/hal_qemu/tests/test_helpers_host.c && /tmp/test_helpers
// The helpers are compiled in with renamed entry points (HELPER below), so
// they do not replace the host's libgcc.
#define HELPER(name) test##name
#include "../float_helpers.c"
#include "../int_helpers.c"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint64_t rnd64(void) { // xorshift64*
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return rng_state * 0x2545F4914F6CDD1Du;
}

static int failures;

static void fail(const char *what, uint64_t x, uint64_t y, uint64_t got, uint64_t want) {
  if (failures++ < 20)
    printf("FAIL %s(%016" PRIx64 ", %016" PRIx64 "): got %016" PRIx64 " want %016" PRIx64 "\n", what, x, y,
           got, want);
}

// Equal bit patterns, or both NaN.
static int same64(uint64_t a, uint64_t b) {
  return a == b || (is_nan64(a) && is_nan64(b));
}

static int same32(uint32_t a, uint32_t b) {
  int nan_a = (a & 0x7F800000) == 0x7F800000 && (a & FRAC_MASK32);
  int nan_b = (b & 0x7F800000) == 0x7F800000 && (b & FRAC_MASK32);
  return a == b || (nan_a && nan_b);
}

// A random double biased toward interesting ones: near exponents, tiny,
// huge, special.
static uint64_t rnd_double(void) {
  static const uint64_t specials[] = {0,
                                      SIGN64,
                                      INF64,
                                      INF64 | SIGN64,
                                      DEFAULT_NAN64,
                                      1,
                                      FRAC_MASK64,
                                      (uint64_t)1 << 52,
                                      0x3FF0000000000000,
                                      0x7FEFFFFFFFFFFFFF,
                                      0x3FF0000000000001,
                                      0x3FEFFFFFFFFFFFFF,
                                      0x000FFFFFFFFFFFFE,
                                      0x3FE0000000000000};
  uint64_t r = rnd64();
  switch (r % 8) {
  case 0: return specials[(r >> 8) % (sizeof specials / sizeof specials[0])] ^ ((r >> 20) & 1 ? SIGN64 : 0);
  case 1: return (r >> 3) & (FRAC_MASK64 | SIGN64); // subnormal
  case 2: return (rnd64() & ~((uint64_t)0x7FF << 52)) | ((uint64_t)(0x3F0 + (r >> 40) % 32) << 52);
  default: return rnd64();
  }
}

static uint32_t rnd_float(void) {
  uint32_t r = (uint32_t)rnd64();
  switch (rnd64() % 6) {
  case 0: return r & 0x807FFFFF;                                              // subnormal
  case 1: return (r & 0x807FFFFF) | ((uint32_t)(120 + (r >> 24) % 16) << 23); // near 1
  default: return r;
  }
}

static void check_ints(void) {
  for (long i = 0; i < 2000000; i++) {
    uint32_t a = (uint32_t)rnd64(), b = (uint32_t)rnd64() >> (rnd64() % 32);
    if (b == 0) continue;
    if (test__udivsi3(a, b) != a / b) fail("udivsi3", a, b, test__udivsi3(a, b), a / b);
    if (test__umodsi3(a, b) != a % b) fail("umodsi3", a, b, test__umodsi3(a, b), a % b);
    int32_t sa = (int32_t)a, sb = (int32_t)((rnd64() & 1) ? 0u - b : b);
    if (!(sa == INT32_MIN && sb == -1) && sb != 0 && test__divsi3(sa, sb) != sa / sb)
      fail("divsi3", (uint64_t)sa, (uint64_t)sb, (uint64_t)test__divsi3(sa, sb), (uint64_t)(sa / sb));
    uint64_t c = rnd64(), d = rnd64() >> (rnd64() % 64);
    if (d == 0) continue;
    if (test__udivdi3(c, d) != c / d) fail("udivdi3", c, d, test__udivdi3(c, d), c / d);
    if (test__umoddi3(c, d) != c % d) fail("umoddi3", c, d, test__umoddi3(c, d), c % d);
    int64_t sc = (int64_t)c, sd = (int64_t)((rnd64() & 1) ? 0u - d : d);
    if (!(sc == INT64_MIN && sd == -1) && test__divdi3(sc, sd) != sc / sd)
      fail("divdi3", (uint64_t)sc, (uint64_t)sd, (uint64_t)test__divdi3(sc, sd), (uint64_t)(sc / sd));
    if (test__umulsidi3(a, b) != (uint64_t)a * b)
      fail("umulsidi3", a, b, test__umulsidi3(a, b), (uint64_t)a * b);
    if ((uint64_t)test__muldi3(sc, sd) != c * (uint64_t)sd)
      fail("muldi3", c, (uint64_t)sd, (uint64_t)test__muldi3(sc, sd), c * (uint64_t)sd);
  }
}

static void check_doubles(void) {
  for (long i = 0; i < 3000000; i++) {
    uint64_t ua = rnd_double(), ub = rnd_double();
    double a = from_bits64(ua), b = from_bits64(ub);
    uint64_t got, want;
    if (!same64(got = bits64(test__adddf3(a, b)), want = bits64(a + b))) fail("adddf3", ua, ub, got, want);
    if (!same64(got = bits64(test__subdf3(a, b)), want = bits64(a - b))) fail("subdf3", ua, ub, got, want);
    if (!same64(got = bits64(test__muldf3(a, b)), want = bits64(a * b))) fail("muldf3", ua, ub, got, want);
    if (!same64(got = bits64(test__divdf3(a, b)), want = bits64(a / b))) fail("divdf3", ua, ub, got, want);
    if (!same32(bits32(test__truncdfsf2(a)), bits32((float)a)))
      fail("truncdfsf2", ua, 0, bits32(test__truncdfsf2(a)), bits32((float)a));
    if (!isnan(a) && a > -2147483649.0 && a < 2147483648.0 && test__fixdfsi(a) != (int32_t)a)
      fail("fixdfsi", ua, 0, (uint64_t)test__fixdfsi(a), (uint64_t)(int32_t)a);
    if (!isnan(a) && a >= 0 && a < 4294967296.0 && test__fixunsdfsi(a) != (uint32_t)a)
      fail("fixunsdfsi", ua, 0, test__fixunsdfsi(a), (uint32_t)a);
    int32_t n = (int32_t)rnd64();
    if (bits64(test__floatsidf(n)) != bits64((double)n)) fail("floatsidf", (uint64_t)n, 0, 0, 0);
    if (bits64(test__floatunsidf((uint32_t)n)) != bits64((double)(uint32_t)n))
      fail("floatunsidf", (uint32_t)n, 0, 0, 0);
    if (bits32(test__floatsisf(n)) != bits32((float)n)) fail("floatsisf", (uint64_t)n, 0, 0, 0);
    if (bits32(test__floatunsisf((uint32_t)n)) != bits32((float)(uint32_t)n))
      fail("floatunsisf", (uint32_t)n, 0, 0, 0);
  }
}

static void check_floats(void) {
  for (long i = 0; i < 3000000; i++) {
    uint32_t ua = rnd_float(), ub = rnd_float();
    float a = from_bits32(ua), b = from_bits32(ub);
    if (!same32(bits32(test__addsf3(a, b)), bits32(a + b)))
      fail("addsf3", ua, ub, bits32(test__addsf3(a, b)), bits32(a + b));
    if (!same32(bits32(test__subsf3(a, b)), bits32(a - b)))
      fail("subsf3", ua, ub, bits32(test__subsf3(a, b)), bits32(a - b));
    if (!same32(bits32(test__mulsf3(a, b)), bits32(a * b)))
      fail("mulsf3", ua, ub, bits32(test__mulsf3(a, b)), bits32(a * b));
    if (!same64(bits64(test__extendsfdf2(a)), bits64((double)a)))
      fail("extendsfdf2", ua, 0, bits64(test__extendsfdf2(a)), bits64((double)a));
    if (!isnan(a) && a >= 0 && a < 4294967296.0f && test__fixunssfsi(a) != (uint32_t)a)
      fail("fixunssfsi", ua, 0, test__fixunssfsi(a), (uint32_t)a);
  }
}

int main(void) {
  check_ints();
  check_doubles();
  check_floats();
  printf("%s: %d failures\n", failures ? "FAIL" : "PASS", failures);
  return failures != 0;
}
