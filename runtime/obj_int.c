// SPDX-License-Identifier: MIT
// obj_int.c: small and big integers with Python semantics (floor division
// and modulo take the divisor's sign; true division gives a float).
//
// Big-int arithmetic works on magnitudes (uint32 digit arrays) through
// num_t views, so small operands take part without allocation; results go
// through finish(), which demotes to a small int whenever possible.
#include <math.h>
#include <string.h>

#include "obj_int.h"
#include "gc.h"
#include "obj_exc.h"
#include "obj_bytes.h"
#include "obj_float.h"
#include "obj_list.h"
#include "obj_func.h"
#include "obj_str.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"

typedef struct {
  bool neg;
  size_t len;
  const uint32_t *d;
  uint32_t buf[4];
} num_t;

static void num_of(num_t *n, rt_val_t v) {
  if (rt_is_small(v) || v == RT_TRUE || v == RT_FALSE) {
    intptr_t i = rt_is_small(v) ? rt_small_get(v) : v == RT_TRUE;
    n->neg = i < 0;
    uint64_t m = i < 0 ? (uint64_t)0 - (uint64_t)(int64_t)i : (uint64_t)i;
    n->len = 0;
    while (m) {
      n->buf[n->len++] = (uint32_t)m;
      m >>= 32;
    }
    n->d = n->buf;
    return;
  }
  rt_bigint_t *b = (rt_bigint_t *)v;
  n->neg = b->neg;
  n->len = b->len;
  n->d = b->digits;
}

static rt_bigint_t *big_alloc(size_t len) {
  if (len > 1000000) rt_raise_msg(&rt_exc_OverflowError, RT_MSG("int too large"));
  rt_bigint_t *b = rt_gc_alloc(sizeof(rt_bigint_t) + (len ? len : 1) * sizeof(uint32_t), RT_GC_LEAF);
  b->type = &rt_int_type;
  b->len = (uint32_t)len;
  return b;
}

// Normalises [b] and demotes it to a small int if it fits.
static rt_val_t finish(rt_bigint_t *b) {
  while (b->len && b->digits[b->len - 1] == 0)
    b->len--;
  if (b->len <= 2) {
    uint64_t m = b->len == 0 ? 0 : b->len == 1 ? b->digits[0] : ((uint64_t)b->digits[1] << 32) | b->digits[0];
    bool neg = b->neg;
    if (m <= (uint64_t)RT_SMALL_MAX) {
      intptr_t i = (intptr_t)m;
      rt_gc_free(b);
      return rt_small(neg ? -i : i);
    }
    if (neg && m == (uint64_t)RT_SMALL_MAX + 1) {
      rt_gc_free(b);
      return rt_small(RT_SMALL_MIN);
    }
  }
  if (b->len == 0) b->neg = 0;
  return rt_val(b);
}

rt_val_t rt_int_from_ll(long long i) {
  if (i >= RT_SMALL_MIN && i <= RT_SMALL_MAX) return rt_small((intptr_t)i);
  rt_bigint_t *b = big_alloc(2);
  b->neg = i < 0;
  uint64_t m = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
  b->digits[0] = (uint32_t)m;
  b->digits[1] = (uint32_t)(m >> 32);
  return finish(b);
}

rt_val_t rt_int_from(intptr_t i) {
  return rt_int_from_ll(i);
}

// ---- magnitude arithmetic ----

static int mag_cmp(const uint32_t *a, size_t na, const uint32_t *b, size_t nb) {
  while (na && a[na - 1] == 0)
    na--;
  while (nb && b[nb - 1] == 0)
    nb--;
  if (na != nb) return na < nb ? -1 : 1;
  for (size_t i = na; i-- > 0;)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

#ifdef __SIZEOF_INT128__
// Two digits as one 64-bit number, lowest first (the byte-order test is a
// constant the compiler folds).
static inline uint64_t get2(const uint32_t *p) {
  uint64_t v;
  memcpy(&v, p, sizeof v);
  return __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? v : (v << 32) | (v >> 32);
}
static inline void put2(uint32_t *p, uint64_t v) {
  if (__BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__) v = (v << 32) | (v >> 32);
  memcpy(p, &v, sizeof v);
}

// out[i] = a[i] + b[i] + carry for the first [n] digits rounded down to
// pairs, which go as 64-bit words with a 128-bit sum: the carry chain
// that limits the loop is then half as long. Returns the digits done;
// *c is the carry in and out. (Hosts with 128-bit integers only.)
static size_t add_pairs(const uint32_t *a, const uint32_t *b, size_t n, uint32_t *out, uint64_t *c) {
  unsigned __int128 acc = *c;
  size_t i = 0;
  for (; i + 2 <= n; i += 2) {
    acc += (unsigned __int128)get2(a + i) + get2(b + i);
    put2(out + i, (uint64_t)acc);
    acc >>= 64;
  }
  *c = (uint64_t)acc;
  return i;
}

// out[i] = a[i] * m + carry (plus out[i] when [acc_out]) for the first [n]
// digits rounded down to pairs, as add_pairs does. Returns the digits
// done; *c is the carry in and out.
static size_t mul_pairs(const uint32_t *a, size_t n, uint32_t m, uint32_t *out, bool acc_out, uint64_t *c) {
  unsigned __int128 acc = *c;
  size_t i = 0;
  for (; i + 2 <= n; i += 2) {
    acc += (unsigned __int128)get2(a + i) * m;
    if (acc_out) acc += get2(out + i);
    put2(out + i, (uint64_t)acc);
    acc >>= 64;
  }
  *c = (uint64_t)acc;
  return i;
}
#else
static size_t add_pairs(const uint32_t *a, const uint32_t *b, size_t n, uint32_t *out, uint64_t *c) {
  (void)a, (void)b, (void)n, (void)out, (void)c;
  return 0;
}
static size_t mul_pairs(const uint32_t *a, size_t n, uint32_t m, uint32_t *out, bool acc_out, uint64_t *c) {
  (void)a, (void)n, (void)m, (void)out, (void)acc_out, (void)c;
  return 0;
}
#endif

// out[0..max(na,nb)] = a + b
static void mag_add(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, uint32_t *out) {
  if (na < nb) {
    const uint32_t *t = a;
    a = b;
    b = t;
    size_t u = na;
    na = nb;
    nb = u;
  }
  // Two loops: the common part, then the carry through the longer one.
  uint64_t c = 0;
  size_t i = add_pairs(a, b, nb, out, &c);
  for (; i < nb; i++) {
    c += (uint64_t)a[i] + b[i];
    out[i] = (uint32_t)c;
    c >>= 32;
  }
  for (; i < na; i++) {
    c += a[i];
    out[i] = (uint32_t)c;
    c >>= 32;
  }
  out[na] = (uint32_t)c;
}

// out[0..na) = a - b, requires a >= b (out may be a)
static void mag_sub(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, uint32_t *out) {
  uint32_t borrow = 0;
  size_t i = 0;
  for (; i < nb; i++) {
    uint64_t d = (uint64_t)a[i] - b[i] - borrow;
    out[i] = (uint32_t)d;
    borrow = (uint32_t)(d >> 63);
  }
  for (; i < na; i++) {
    uint64_t d = (uint64_t)a[i] - borrow;
    out[i] = (uint32_t)d;
    borrow = (uint32_t)(d >> 63);
  }
}

// out[0..na+nb) = a * b; out does not overlap a or b.
static void mag_mul(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, uint32_t *out) {
  if (na < nb) { // the inner loop runs over the longer operand
    const uint32_t *t = a;
    a = b;
    b = t;
    size_t u = na;
    na = nb;
    nb = u;
  }
  if (nb == 0) {
    memset(out, 0, na * sizeof(uint32_t));
    return;
  }
  // The first row writes out directly, so no clearing pass is needed.
  uint64_t c = 0;
  uint32_t m = b[0];
  for (size_t i = mul_pairs(a, na, m, out, false, &c); i < na; i++) {
    c += (uint64_t)a[i] * m;
    out[i] = (uint32_t)c;
    c >>= 32;
  }
  out[na] = (uint32_t)c;
  for (size_t j = 1; j < nb; j++) {
    m = b[j];
    c = 0;
    uint32_t *o = out + j;
    for (size_t i = mul_pairs(a, na, m, o, true, &c); i < na; i++) {
      c += (uint64_t)a[i] * m + o[i];
      o[i] = (uint32_t)c;
      c >>= 32;
    }
    o[na] = (uint32_t)c;
  }
}

// Divides a[0..n) in place by [d]; returns the remainder.
static uint32_t mag_divsmall(uint32_t *a, size_t n, uint32_t d) {
  uint64_t r = 0;
  for (size_t i = n; i-- > 0;) {
    r = (r << 32) | a[i];
    a[i] = (uint32_t)(r / d);
    r %= d;
  }
  return (uint32_t)r;
}

// a[0..n) mod [d], leaving a alone.
static uint32_t mag_modsmall(const uint32_t *a, size_t n, uint32_t d) {
  uint64_t r = 0;
  for (size_t i = n; i-- > 0;)
    r = ((r << 32) | a[i]) % d;
  return (uint32_t)r;
}

// Divides a[0..n) in place by 10**9 and returns the remainder: the
// constant divisor lets the compiler multiply instead of divide, which
// is what decimal printing spends its time on.
static uint32_t mag_div1e9(uint32_t *a, size_t n) {
  uint64_t r = 0;
  for (size_t i = n; i-- > 0;) {
    uint64_t x = (r << 32) | a[i];
    uint64_t q = x / 1000000000u;
    a[i] = (uint32_t)q;
    r = x - q * 1000000000u;
  }
  return (uint32_t)r;
}

static size_t mag_bits(const uint32_t *a, size_t n) {
  while (n && a[n - 1] == 0)
    n--;
  if (!n) return 0;
  return (n - 1) * 32 + (32 - (size_t)__builtin_clz(a[n - 1]));
}

// q = a / b and r = a % b for normalised a, b (no leading zero digit,
// nb >= 1): q gets max(na - nb + 1, 1) digits, r gets nb. Long division
// in base 2**32 (Knuth's algorithm D) on copies shifted so that b's top
// bit is set, which keeps each estimated quotient digit at most 2 too big.
static void mag_divmod(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, uint32_t *q, uint32_t *r) {
  if (na < nb) {
    q[0] = 0;
    rt_memcpy(r, a, na * sizeof(uint32_t));
    memset(r + na, 0, (nb - na) * sizeof(uint32_t));
    return;
  }
  if (nb == 1) {
    rt_memcpy(q, a, na * sizeof(uint32_t));
    r[0] = mag_divsmall(q, na, b[0]);
    return;
  }
  unsigned s = (unsigned)__builtin_clz(b[nb - 1]);
  uint32_t *un = rt_gc_alloc((na + 1 + nb) * sizeof(uint32_t), RT_GC_LEAF), *vn = un + na + 1;
  for (size_t i = nb; i-- > 0;)
    vn[i] = (b[i] << s) | (s && i ? b[i - 1] >> (32 - s) : 0);
  un[na] = s ? a[na - 1] >> (32 - s) : 0;
  for (size_t i = na; i-- > 0;)
    un[i] = (a[i] << s) | (s && i ? a[i - 1] >> (32 - s) : 0);
  uint32_t top = vn[nb - 1], next = vn[nb - 2];
  for (size_t j = na - nb + 1; j-- > 0;) {
    uint64_t num = ((uint64_t)un[j + nb] << 32) | un[j + nb - 1];
    uint64_t qhat = num / top, rhat = num % top;
    while (qhat >> 32 || qhat * next > ((rhat << 32) | un[j + nb - 2])) {
      qhat--;
      rhat += top;
      if (rhat >> 32) break;
    }
    // un[j..j+nb] -= qhat * vn
    uint64_t carry = 0;
    uint32_t borrow = 0;
    for (size_t i = 0; i < nb; i++) {
      uint64_t p = qhat * vn[i] + carry;
      carry = p >> 32;
      uint64_t d = (uint64_t)un[i + j] - (uint32_t)p - borrow;
      un[i + j] = (uint32_t)d;
      borrow = (uint32_t)(d >> 63);
    }
    uint64_t d = (uint64_t)un[j + nb] - carry - borrow;
    un[j + nb] = (uint32_t)d;
    if (d >> 63) { // qhat was one too big: add vn back
      qhat--;
      uint64_t c = 0;
      for (size_t i = 0; i < nb; i++) {
        c += (uint64_t)un[i + j] + vn[i];
        un[i + j] = (uint32_t)c;
        c >>= 32;
      }
      un[j + nb] += (uint32_t)c;
    }
    q[j] = (uint32_t)qhat;
  }
  for (size_t i = 0; i < nb; i++)
    r[i] = (un[i] >> s) | (s ? un[i + 1] << (32 - s) : 0);
  rt_gc_free(un);
}

// ---- signed operations on num_t ----

static rt_val_t num_add(const num_t *a, const num_t *b, bool negate_b) {
  bool bneg = negate_b ? !b->neg : b->neg;
  size_t n = (a->len > b->len ? a->len : b->len) + 1;
  rt_bigint_t *r = big_alloc(n);
  if (a->neg == bneg) {
    mag_add(a->d, a->len, b->d, b->len, r->digits);
    r->neg = a->neg;
  } else if (mag_cmp(a->d, a->len, b->d, b->len) >= 0) {
    mag_sub(a->d, a->len, b->d, b->len, r->digits);
    r->neg = a->neg;
    r->digits[n - 1] = 0;
  } else {
    mag_sub(b->d, b->len, a->d, a->len, r->digits);
    r->neg = bneg;
    r->digits[n - 1] = 0;
  }
  return finish(r);
}

static rt_val_t num_mul(const num_t *a, const num_t *b) {
  rt_bigint_t *r = big_alloc(a->len + b->len);
  mag_mul(a->d, a->len, b->d, b->len, r->digits);
  r->neg = a->neg != b->neg;
  return finish(r);
}

// Raises CPython's ZeroDivisionError for // or divmod, or for % ([mod]).
__attribute__((noreturn)) static void zero_div(bool mod) {
  rt_raise_msg(&rt_exc_ZeroDivisionError,
               mod ? RT_MSG("integer modulo by zero") : RT_MSG("integer division or modulo by zero"));
}

// Floor division and modulo; either output may be NULL.
static void num_divmod(const num_t *a, const num_t *b, rt_val_t *qv, rt_val_t *rv) {
  if (b->len == 0) zero_div(!qv);
  size_t na = a->len, nb = b->len;
  if (!qv && nb == 1 && a->neg == b->neg) {
    // The common "big % small" (same signs, so no floor correction): no
    // quotient to build.
    uint32_t m = mag_modsmall(a->d, na, b->d[0]);
    *rv = rt_int_from_ll(b->neg ? -(long long)m : (long long)m);
    return;
  }
  size_t nq = na >= nb ? na - nb + 1 : 1;
  rt_bigint_t *q = big_alloc(nq), *r = big_alloc(nb);
  mag_divmod(a->d, na, b->d, nb, q->digits, r->digits);
  bool rem_zero = mag_bits(r->digits, r->len) == 0;
  q->neg = a->neg != b->neg;
  r->neg = a->neg;
  if (a->neg != b->neg && !rem_zero) {
    // Floor: q -= 1 (|q| += 1), r = b - |r| with b's sign.
    rt_bigint_t *q2 = big_alloc(q->len + 1);
    mag_add(q->digits, q->len, (const uint32_t[]){1}, 1, q2->digits);
    q2->neg = q->neg;
    rt_bigint_t *r2 = big_alloc(nb);
    mag_sub(b->d, nb, r->digits, nb, r2->digits);
    r2->neg = b->neg;
    rt_gc_free(q);
    rt_gc_free(r);
    q = q2;
    r = r2;
  }
  if (qv) *qv = finish(q);
  if (rv) *rv = finish(r);
}

// ---- conversions ----

double rt_int_to_double(rt_val_t v) {
  if (rt_is_small(v)) return (double)rt_small_get(v);
  if (v == RT_TRUE) return 1.0;
  if (v == RT_FALSE) return 0.0;
  rt_bigint_t *b = (rt_bigint_t *)v;
  double d = 0;
  for (size_t i = b->len; i-- > 0;)
    d = d * 4294967296.0 + b->digits[i];
  if (isinf(d)) rt_raise_msg(&rt_exc_OverflowError, RT_MSG("int too large to convert to float"));
  return b->neg ? -d : d;
}

rt_val_t rt_int_from_double(double d) {
  if (isnan(d)) rt_raise_msg(&rt_exc_ValueError, RT_MSG("cannot convert float NaN to integer"));
  if (isinf(d)) rt_raise_msg(&rt_exc_OverflowError, RT_MSG("cannot convert float infinity to integer"));
  // No trunc(): the cast truncates small values, and beyond 2**53 every
  // double is an integer already (picolibc's trunc on the lx106 cleared
  // the low 32 bits of 1e20, seen on QEMU).
  if (d > -9.0e15 && d < 9.0e15) return rt_int_from_ll((long long)d);
  bool neg = d < 0;
  if (neg) d = -d;
  // |d| = (hi * 2**32 + lo) * 2**shift exactly, a 53-bit mantissa in two
  // words; here |d| > 2**53, so shift > 0. (Dividing by powers of 2**32
  // instead overflowed to inf for the top digit near the double range.)
  int e;
  double m = frexp(d, &e);
  double hi_d = floor(ldexp(m, 21));
  uint32_t hi = (uint32_t)hi_d, lo = (uint32_t)(ldexp(m, 53) - ldexp(hi_d, 32));
  size_t shift = (size_t)(e - 53), w = shift / 32, bit = shift % 32;
  size_t n = (size_t)e / 32 + 1;
  rt_bigint_t *b = big_alloc(n);
  memset(b->digits, 0, n * sizeof(uint32_t));
  b->digits[w] = lo << bit;
  if (w + 1 < n) b->digits[w + 1] = (bit ? lo >> (32 - bit) : 0) | hi << bit;
  if (w + 2 < n && bit) b->digits[w + 2] = hi >> (32 - bit);
  b->neg = neg;
  return finish(b);
}

uint64_t rt_int_low64(rt_val_t v) {
  num_t x;
  num_of(&x, v);
  uint64_t m = x.len == 0 ? 0 : x.len == 1 ? x.d[0] : ((uint64_t)x.d[1] << 32) | x.d[0];
  return x.neg ? (uint64_t)0 - m : m;
}

bool rt_int_is_neg(rt_val_t v) {
  if (rt_is_small(v)) return rt_small_get(v) < 0;
  if (rt_is_obj(v, &rt_int_type)) return ((rt_bigint_t *)v)->neg;
  return false;
}

int rt_int_cmp(rt_val_t a, rt_val_t b) {
  if (rt_is_small(a) && rt_is_small(b)) {
    intptr_t x = rt_small_get(a), y = rt_small_get(b);
    return x < y ? -1 : x > y;
  }
  num_t x, y;
  num_of(&x, a);
  num_of(&y, b);
  if (x.neg != y.neg) return x.neg ? -1 : 1;
  int c = mag_cmp(x.d, x.len, y.d, y.len);
  return x.neg ? -c : c;
}

static int digit_val(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

rt_val_t rt_int_parse(const char *s, size_t n, int base) {
  size_t i = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
    i++;
  while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
    n--;
  bool neg = false;
  if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  if (i + 1 < n && s[i] == '0') {
    char c = (char)(s[i + 1] | 0x20);
    int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
    if (pb && (base == 0 || base == pb)) {
      base = pb;
      i += 2;
      if (i < n && s[i] == '_') i++;
    }
  }
  if (base == 0) {
    base = 10;
    // A base-0 literal may not have leading zeros unless it is all zeros.
    if (i + 1 < n && s[i] == '0') {
      for (size_t k = i; k < n; k++)
        if (s[k] != '0' && s[k] != '_') return RT_NULL;
    }
  }
  if (i >= n) return RT_NULL;
  // Accumulate in a machine word while it fits, then in a big int.
  rt_val_t acc = rt_small(0);
  intptr_t small = 0;
  bool big = false, prev_us = true;
  for (; i < n; i++) {
    if (s[i] == '_') {
      if (prev_us) return RT_NULL;
      prev_us = true;
      continue;
    }
    int d = digit_val(s[i]);
    if (d >= base) return RT_NULL;
    prev_us = false;
    if (!big) {
      if (small <= (RT_SMALL_MAX - d) / base) {
        small = small * base + d;
        continue;
      }
      big = true;
      acc = rt_small(small);
    }
    acc = rt_int_binary(RT_BINARY_MUL, acc, rt_small(base));
    acc = rt_int_binary(RT_BINARY_ADD, acc, rt_small(d));
  }
  if (prev_us) return RT_NULL;
  if (!big) acc = rt_small(small);
  return neg ? rt_obj_unary(RT_UNARY_NEG, acc) : acc;
}

// ---- printing ----

// Numbers up to this many digits go to decimal by repeated division by
// 10**9; longer ones are first split in halves by a power of 10**9.
#define DEC_SPLIT 40
// Levels of powers: 10**(9 * 2**k) for k < DEC_LEVELS covers any int.
#define DEC_LEVELS 22

typedef struct {
  uint32_t *d[DEC_LEVELS]; // d[k] = 10**(9 * 2**k), made on demand
  size_t len[DEC_LEVELS];
} dec_pows_t;

// dec_write below for short numbers: repeated division by 10**9. Kept out
// of the recursion so that its buffer is on the C stack only once.
static __attribute__((noinline)) char *dec_write_small(const uint32_t *a, size_t n, char *end, size_t width) {
  uint32_t buf[DEC_SPLIT], *w = n <= DEC_SPLIT ? buf : rt_gc_alloc(n * sizeof(uint32_t), RT_GC_LEAF);
  rt_memcpy(w, a, n * sizeof(uint32_t));
  char *q = end;
  size_t m = n;
  while (m) {
    uint32_t r = mag_div1e9(w, m);
    while (m && w[m - 1] == 0)
      m--;
    for (int k = 0; k < 9 && (m || r); k++) {
      *--q = (char)('0' + r % 10);
      r /= 10;
    }
  }
  if (w != buf) rt_gc_free(w);
  while ((size_t)(end - q) < width)
    *--q = '0';
  return q;
}

// Writes the decimal digits of a[0..n) so that they end just before
// [end]; exactly [width] digits (zero-padded) unless width is 0. Returns
// where they start. Splitting at pows->d[level] (the halves converted
// alone) replaces most of the slow digit-by-digit chain of divisions by
// long divisions, which the processor pipelines much better.
static char *dec_write(const uint32_t *a, size_t n, char *end, size_t width, dec_pows_t *pows, int level) {
  while (n && a[n - 1] == 0)
    n--;
  while (level >= 0 && (n < pows->len[level] || mag_cmp(a, n, pows->d[level], pows->len[level]) < 0))
    level--;
  if (level < 0 || n <= DEC_SPLIT) return dec_write_small(a, n, end, width);
  char *q;
  const uint32_t *p = pows->d[level];
  size_t pn = pows->len[level], low = (size_t)9 << level;
  uint32_t *quo = rt_gc_alloc((n - pn + 1 + pn) * sizeof(uint32_t), RT_GC_LEAF), *rem = quo + (n - pn + 1);
  mag_divmod(a, n, p, pn, quo, rem);
  dec_write(rem, pn, end, low, pows, level - 1);
  q = dec_write(quo, n - pn + 1, end - low, width > low ? width - low : 0, pows, level - 1);
  while ((size_t)(end - q) < width)
    *--q = '0';
  rt_gc_free(quo);
  return q;
}

// Writes a[0..n) (not 0) in decimal, ending before [end]; returns the start.
static char *dec_print(const uint32_t *a, size_t n, char *end) {
  dec_pows_t pows;
  memset(&pows, 0, sizeof pows);
  int top = -1;
  if (n > DEC_SPLIT) {
    // Powers up to the first whose square exceeds the number.
    static const uint32_t billion = 1000000000u;
    pows.d[0] = (uint32_t *)&billion;
    pows.len[0] = 1;
    top = 0;
    while (top + 1 < DEC_LEVELS && pows.len[top] * 2 <= n + 1) {
      size_t pl = pows.len[top];
      uint32_t *sq = rt_gc_alloc(2 * pl * sizeof(uint32_t), RT_GC_LEAF);
      mag_mul(pows.d[top], pl, pows.d[top], pl, sq);
      top++;
      pows.d[top] = sq;
      pows.len[top] = sq[2 * pl - 1] ? 2 * pl : 2 * pl - 1;
    }
  }
  char *q = dec_write(a, n, end, 0, &pows, top);
  for (int k = 1; k <= top; k++)
    rt_gc_free(pows.d[k]);
  return q;
}

void rt_int_print_base(rt_printer_t *p, rt_val_t v, int base) {
  num_t x;
  num_of(&x, v);
  if (x.len == 0) {
    rt_print_cstr(p, base == 16 ? "0x0" : base == 8 ? "0o0" : base == 2 ? "0b0" : "0");
    return;
  }
  size_t bits = mag_bits(x.d, x.len);
  // Decimal digits: at most bits * log10(2) + 1 (log10(2) < 1/3).
  size_t cap = (base == 10 ? bits / 3 + 2 : bits + 1) + 4;
  char *out = rt_gc_alloc(cap, RT_GC_LEAF), *e = out + cap, *q = e;
  num_of(&x, v); // re-read after the allocation (the view may point into buf)
  if (base == 10) {
    q = dec_print(x.d, x.len, e);
  } else {
    // Powers of two: digits straight from the bits, lowest first.
    static const char digits[] = "0123456789abcdef";
    unsigned w = base == 16 ? 4 : base == 8 ? 3 : 1;
    for (size_t bit = 0; bit < bits; bit += w) {
      size_t i = bit / 32, sh = bit % 32;
      uint64_t chunk = x.d[i] >> sh;
      if (sh + w > 32 && i + 1 < x.len) chunk |= (uint64_t)x.d[i + 1] << (32 - sh);
      *--q = digits[chunk & ((1u << w) - 1)];
    }
    *--q = base == 16 ? 'x' : base == 8 ? 'o' : 'b';
    *--q = '0';
  }
  if (x.neg) *--q = '-';
  rt_print_str(p, q, (size_t)(e - q));
  rt_gc_free(out);
}

static void int_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  if (rt_is_small(self)) {
    rt_print_int(p, rt_small_get(self));
    return;
  }
  rt_int_print_base(p, self, 10);
}

// ---- operations ----

static rt_val_t int_pow(rt_val_t a, rt_val_t b) {
  if (rt_int_is_neg(b)) {
    double x = rt_int_to_double(a);
    if (x == 0) rt_raise_msg(&rt_exc_ZeroDivisionError, RT_MSG("0.0 cannot be raised to a negative power"));
    return rt_float_new(pow(x, rt_int_to_double(b)));
  }
  rt_val_t result = rt_small(1);
  for (;;) {
    num_t e;
    num_of(&e, b);
    if (e.len == 0) break;
    if (e.d[0] & 1) result = rt_int_binary(RT_BINARY_MUL, result, a);
    b = rt_int_binary(RT_BINARY_RSHIFT, b, rt_small(1));
    num_of(&e, b);
    if (e.len == 0) break;
    a = rt_int_binary(RT_BINARY_MUL, a, a);
  }
  return result;
}

static rt_val_t shift(rt_val_t a, intptr_t k, bool left) {
  if (k < 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("negative shift count"));
  num_t x;
  num_of(&x, a);
  if (!left) {
    if (x.neg) { // floor semantics: -((|a| - 1) >> k) - 1
      rt_val_t t = rt_int_binary(RT_BINARY_SUB, rt_obj_unary(RT_UNARY_NEG, a), rt_small(1));
      t = shift(t, k, false);
      return rt_int_binary(RT_BINARY_SUB, rt_obj_unary(RT_UNARY_NEG, t), rt_small(1));
    }
    size_t dw = (size_t)k / 32, bits = (size_t)k % 32;
    if (dw >= x.len) return rt_small(0);
    rt_bigint_t *r = big_alloc(x.len - dw);
    num_of(&x, a);
    for (size_t i = 0; i < x.len - dw; i++) {
      uint64_t w = x.d[i + dw];
      if (i + dw + 1 < x.len) w |= (uint64_t)x.d[i + dw + 1] << 32;
      r->digits[i] = (uint32_t)(w >> bits);
    }
    return finish(r);
  }
  if (x.len == 0) return rt_small(0);
  if (k > 1000000) rt_raise_msg(&rt_exc_OverflowError, RT_MSG("too many digits in integer"));
  size_t dw = (size_t)k / 32, bits = (size_t)k % 32;
  rt_bigint_t *r = big_alloc(x.len + dw + 1);
  num_of(&x, a);
  memset(r->digits, 0, (x.len + dw + 1) * sizeof(uint32_t));
  for (size_t i = 0; i < x.len; i++) {
    uint64_t w = (uint64_t)x.d[i] << bits;
    r->digits[i + dw] |= (uint32_t)w;
    r->digits[i + dw + 1] |= (uint32_t)(w >> 32);
  }
  r->neg = x.neg;
  return finish(r);
}

// Bitwise and/or/xor on two's complement values of any size.
static rt_val_t bitwise(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  num_t x, y;
  num_of(&x, a);
  num_of(&y, b);
  size_t n = (x.len > y.len ? x.len : y.len) + 1;
  rt_bigint_t *r = big_alloc(n);
  num_of(&x, a);
  num_of(&y, b);
  // Convert each operand digit to two's complement on the fly.
  uint64_t cx = 1, cy = 1, cr = 1;
  bool rneg;
  switch (op) {
  case RT_BINARY_AND: rneg = x.neg && y.neg; break;
  case RT_BINARY_OR: rneg = x.neg || y.neg; break;
  default: rneg = x.neg != y.neg; break;
  }
  for (size_t i = 0; i < n; i++) {
    uint32_t dx = i < x.len ? x.d[i] : 0, dy = i < y.len ? y.d[i] : 0;
    if (x.neg) {
      cx += (uint32_t)~dx;
      dx = (uint32_t)cx;
      cx >>= 32;
    }
    if (y.neg) {
      cy += (uint32_t)~dy;
      dy = (uint32_t)cy;
      cy >>= 32;
    }
    uint32_t d = op == RT_BINARY_AND ? (dx & dy) : op == RT_BINARY_OR ? (dx | dy) : (dx ^ dy);
    if (rneg) {
      cr += (uint32_t)~d;
      d = (uint32_t)cr;
      cr >>= 32;
    }
    r->digits[i] = d;
  }
  r->neg = rneg;
  return finish(r);
}

// a / b (b != 0) correctly rounded, as CPython, also for ints beyond the
// double range: scale so the quotient has 55-56 bits, divide exactly and
// fold a nonzero remainder into the lowest bit before the one rounding.
static double int_truediv(rt_val_t a, rt_val_t b) {
  if (rt_is_small(a) && rt_is_small(b) && rt_small_fits_double(a) && rt_small_fits_double(b))
    return (double)rt_small_get(a) / (double)rt_small_get(b);
  num_t x, y;
  num_of(&x, a);
  num_of(&y, b);
  bool neg = x.neg != y.neg;
  long shift = (long)mag_bits(y.d, y.len) - (long)mag_bits(x.d, x.len) + 55;
  if (shift < -1100)
    rt_raise_msg(&rt_exc_OverflowError, RT_MSG("integer division result too large for a float"));
  if (shift > 1200) return neg ? -0.0 : 0.0;
  rt_val_t n = x.neg ? rt_int_binary(RT_BINARY_SUB, rt_small(0), a) : a;
  rt_val_t d = y.neg ? rt_int_binary(RT_BINARY_SUB, rt_small(0), b) : b;
  if (shift > 0)
    n = rt_int_binary(RT_BINARY_LSHIFT, n, rt_small(shift));
  else if (shift < 0)
    d = rt_int_binary(RT_BINARY_LSHIFT, d, rt_small(-shift));
  num_t nn, dd, qn;
  num_of(&nn, n);
  num_of(&dd, d);
  rt_val_t q, r;
  num_divmod(&nn, &dd, &q, &r);
  num_of(&qn, q);
  uint64_t m = 0;
  for (size_t i = qn.len; i-- > 0;)
    m = m << 32 | qn.d[i];
  if (r != rt_small(0)) m |= 1;
  double f = ldexp((double)m, (int)-shift);
  if (isinf(f)) rt_raise_msg(&rt_exc_OverflowError, RT_MSG("integer division result too large for a float"));
  return neg ? -f : f;
}

rt_val_t rt_int_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  if (op >= RT_BINARY_INPLACE_FIRST && op < RT_BINARY_LT)
    op = (rt_binary_op_t)(op - RT_BINARY_INPLACE_FIRST - 1);
  if (b == RT_TRUE || b == RT_FALSE) b = rt_small(b == RT_TRUE);
  if (a == RT_TRUE || a == RT_FALSE) a = rt_small(a == RT_TRUE);
  if (!rt_is_small(b) && !rt_is_obj(b, &rt_int_type)) {
    if (rt_is_obj(b, &rt_float_type)) {
      if (op >= RT_BINARY_LT && op <= RT_BINARY_NE) {
        // int op float is float op' int (exact, see rt_float_binary).
        static const rt_binary_op_t swap[] = {RT_BINARY_GT, RT_BINARY_LT, RT_BINARY_EQ,
                                              RT_BINARY_GE, RT_BINARY_LE, RT_BINARY_NE};
        return rt_float_binary(swap[op - RT_BINARY_LT], b, a);
      }
      return rt_float_binary(op, rt_float_new(rt_int_to_double(a)), b);
    }
    return RT_NULL;
  }
  if (rt_is_small(a) && rt_is_small(b)) {
    intptr_t x = rt_small_get(a), y = rt_small_get(b), r;
    switch (op) {
    case RT_BINARY_ADD: return rt_int_from_ll((long long)x + y);
    case RT_BINARY_SUB: return rt_int_from_ll((long long)x - y);
    case RT_BINARY_MUL:
      if (!__builtin_mul_overflow(x, y, &r) && rt_small_fits(r)) return rt_small(r);
      break;
    case RT_BINARY_FLOORDIV:
    case RT_BINARY_MOD:
      if (y == 0) zero_div(op == RT_BINARY_MOD);
      {
        intptr_t q = x / y, m = x % y;
        if (m != 0 && ((m < 0) != (y < 0))) {
          q--;
          m += y;
        }
        if (op == RT_BINARY_MOD) return rt_small(m);
        if (rt_small_fits(q)) return rt_small(q);
      }
      break;
    case RT_BINARY_TRUEDIV:
      if (y == 0) rt_raise_msg(&rt_exc_ZeroDivisionError, RT_MSG("division by zero"));
      return rt_float_new(int_truediv(a, b));
    case RT_BINARY_AND: return rt_small(x & y);
    case RT_BINARY_OR: return rt_small(x | y);
    case RT_BINARY_XOR: return rt_small(x ^ y);
    case RT_BINARY_LSHIFT:
      if (y < 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("negative shift count"));
      if (y < (intptr_t)(sizeof(intptr_t) * 8 - 2)) {
        r = (intptr_t)((uintptr_t)x << y);
        if ((r >> y) == x && rt_small_fits(r)) return rt_small(r);
      }
      break;
    case RT_BINARY_RSHIFT:
      if (y < 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("negative shift count"));
      return rt_small(y >= (intptr_t)(sizeof(intptr_t) * 8) ? (x < 0 ? -1 : 0) : x >> y);
    case RT_BINARY_LT: return rt_bool(x < y);
    case RT_BINARY_LE: return rt_bool(x <= y);
    case RT_BINARY_GT: return rt_bool(x > y);
    case RT_BINARY_GE: return rt_bool(x >= y);
    case RT_BINARY_EQ: return rt_bool(x == y);
    case RT_BINARY_NE: return rt_bool(x != y);
    default: break;
    }
  }
  num_t x, y;
  switch (op) {
  case RT_BINARY_ADD:
  case RT_BINARY_SUB:
    num_of(&x, a);
    num_of(&y, b);
    return num_add(&x, &y, op == RT_BINARY_SUB);
  case RT_BINARY_MUL:
    num_of(&x, a);
    num_of(&y, b);
    return num_mul(&x, &y);
  case RT_BINARY_FLOORDIV:
  case RT_BINARY_MOD: {
    num_of(&x, a);
    num_of(&y, b);
    rt_val_t q, r;
    num_divmod(&x, &y, op == RT_BINARY_FLOORDIV ? &q : NULL, op == RT_BINARY_MOD ? &r : NULL);
    return op == RT_BINARY_FLOORDIV ? q : r;
  }
  case RT_BINARY_TRUEDIV: {
    num_of(&y, b);
    if (y.len == 0) rt_raise_msg(&rt_exc_ZeroDivisionError, RT_MSG("division by zero"));
    return rt_float_new(int_truediv(a, b));
  }
  case RT_BINARY_POW: return int_pow(a, b);
  case RT_BINARY_LSHIFT:
  case RT_BINARY_RSHIFT:
    if (!rt_is_small(b)) {
      if (rt_int_is_neg(b)) rt_raise_msg(&rt_exc_ValueError, RT_MSG("negative shift count"));
      if (op == RT_BINARY_RSHIFT) return rt_small(rt_int_is_neg(a) ? -1 : 0);
      rt_raise_msg(&rt_exc_OverflowError, RT_MSG("too many digits in integer"));
    }
    return shift(a, rt_small_get(b), op == RT_BINARY_LSHIFT);
  case RT_BINARY_AND:
  case RT_BINARY_OR:
  case RT_BINARY_XOR: return bitwise(op, a, b);
  case RT_BINARY_LT: return rt_bool(rt_int_cmp(a, b) < 0);
  case RT_BINARY_LE: return rt_bool(rt_int_cmp(a, b) <= 0);
  case RT_BINARY_GT: return rt_bool(rt_int_cmp(a, b) > 0);
  case RT_BINARY_GE: return rt_bool(rt_int_cmp(a, b) >= 0);
  case RT_BINARY_EQ: return rt_bool(rt_int_cmp(a, b) == 0);
  case RT_BINARY_NE: return rt_bool(rt_int_cmp(a, b) != 0);
  default: return RT_NULL;
  }
}

static rt_val_t int_unary(rt_unary_op_t op, rt_val_t self) {
  if (rt_is_small(self)) {
    intptr_t x = rt_small_get(self);
    switch (op) {
    case RT_UNARY_POS:
    case RT_UNARY_INT: return self;
    case RT_UNARY_NEG: return rt_int_from_ll(-(long long)x);
    case RT_UNARY_ABS: return rt_int_from_ll(x < 0 ? -(long long)x : x);
    case RT_UNARY_INVERT: return rt_small(~x);
    case RT_UNARY_BOOL: return rt_bool(x != 0);
    case RT_UNARY_HASH: return self;
    case RT_UNARY_FLOAT: return rt_float_new((double)x);
    default: return RT_NULL;
    }
  }
  rt_bigint_t *b = (rt_bigint_t *)self;
  switch (op) {
  case RT_UNARY_POS:
  case RT_UNARY_INT: return self;
  case RT_UNARY_NEG:
  case RT_UNARY_ABS: {
    if (op == RT_UNARY_ABS && !b->neg) return self;
    rt_bigint_t *r = big_alloc(b->len);
    rt_memcpy(r->digits, ((rt_bigint_t *)self)->digits, b->len * sizeof(uint32_t));
    r->neg = op == RT_UNARY_ABS ? 0 : !((rt_bigint_t *)self)->neg;
    return finish(r);
  }
  case RT_UNARY_INVERT:
    return rt_int_binary(RT_BINARY_SUB, rt_int_binary(RT_BINARY_SUB, rt_small(0), self), rt_small(1));
  case RT_UNARY_BOOL: return RT_TRUE;
  case RT_UNARY_HASH: {
    uintptr_t h = 0;
    for (size_t i = b->len; i-- > 0;)
      h = h * 1000003u + b->digits[i];
    return rt_small((intptr_t)(h >> 2) * (b->neg ? -1 : 1));
  }
  case RT_UNARY_FLOAT: return rt_float_new(rt_int_to_double(self));
  default: return RT_NULL;
  }
}

static rt_val_t int_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)t;
  if (n == 0) return rt_small(0);
  if (n > 2) rt_raise_msg(&rt_exc_TypeError, RT_MSG("int() takes at most 2 arguments (%z given)"), n);
  rt_val_t v = args[0], bv = n == 2 ? args[1] : rt_kw_get(kw, RT_QV(base));
  const char *s;
  size_t len;
  // Text comes as str or, as in CPython, as any bytes-like buffer.
  bool text = rt_is_str(v);
  if (text)
    s = rt_str_data(v, &len);
  else
    text = rt_bytes_buffer(v, (const uint8_t **)&s, &len);
  if (bv || text) {
    if (!text) rt_raise_msg(&rt_exc_TypeError, RT_MSG("int() can't convert non-string with explicit base"));
    intptr_t base = bv ? rt_obj_get_int(bv) : 10;
    if (base != 0 && (base < 2 || base > 36))
      rt_raise_msg(&rt_exc_ValueError, RT_MSG("int() base must be >= 2 and <= 36, or 0"));
    rt_val_t r = rt_int_parse(s, len, (int)base);
    if (r == RT_NULL) // CPython shows any buffer as bytes
      rt_raise_msg(&rt_exc_ValueError, RT_MSG("invalid literal for int() with base %d: %r"), (int)base,
                   rt_is_str(v) ? v : rt_bytes_new(s, len));
    return r;
  }
  return rt_obj_unary(RT_UNARY_INT, v);
}

static rt_val_t m_bit_length(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  num_t x;
  num_of(&x, args[0]);
  return rt_small((intptr_t)mag_bits(x.d, x.len));
}

// int.to_bytes(length, byteorder) for non-negative values that fit.
static rt_val_t m_to_bytes(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  intptr_t len = n > 1 ? rt_obj_get_int(args[1]) : 1;
  rt_val_t order = n > 2 ? args[2] : rt_kw_get(kw, RT_QV(byteorder));
  bool little = order && rt_str_eq(order, RT_QV(little));
  rt_val_t sig = rt_kw_get(kw, RT_QV(signed_));
  bool is_signed = sig && rt_obj_truthy(sig);
  if (len < 0 || len > 4096) rt_raise_msg(&rt_exc_ValueError, RT_MSG("length argument must be non-negative"));
  if (rt_int_is_neg(args[0]) && !is_signed)
    rt_raise_msg(&rt_exc_OverflowError, RT_MSG("can't convert negative int to unsigned"));
  char buf[4096];
  rt_val_t v = args[0];
  for (intptr_t i = 0; i < len; i++) {
    uint64_t low = rt_int_low64(v);
    buf[little ? i : len - 1 - i] = (char)(low & 0xff);
    v = rt_int_binary(RT_BINARY_RSHIFT, v, rt_small(8));
  }
  if (!(v == rt_small(0) || (is_signed && v == rt_small(-1))))
    rt_raise_msg(&rt_exc_OverflowError, RT_MSG("int too big to convert"));
  return rt_bytes_new(buf, (size_t)len);
}

// int.from_bytes(bytes, byteorder): called on the class.
static rt_val_t m_from_bytes(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  rt_val_t data = args[0];
  rt_val_t order = n > 1 ? args[1] : rt_kw_get(kw, RT_QV(byteorder));
  bool little = order && rt_str_eq(order, RT_QV(little));
  rt_val_t sig = rt_kw_get(kw, RT_QV(signed_));
  rt_val_t list = rt_list_from_iter(data), *items;
  size_t cnt = rt_obj_get_items(list, &items);
  rt_val_t r = rt_small(0);
  // Every item must be a byte value: anything else (the characters of a
  // str, say) would reach the bitwise operators below.
  if (rt_is_str(data)) rt_raise_msg(&rt_exc_TypeError, RT_MSG("cannot convert 'str' object to bytes"));
  for (size_t i = 0; i < cnt; i++) {
    if (!rt_is_small(items[i]))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%t' object cannot be interpreted as an integer"), items[i]);
    if (rt_small_get(items[i]) < 0 || rt_small_get(items[i]) > 255)
      rt_raise_msg(&rt_exc_ValueError, RT_MSG("bytes must be in range(0, 256)"));
  }
  for (size_t i = 0; i < cnt; i++) {
    rt_val_t b = items[little ? cnt - 1 - i : i];
    r = rt_int_binary(RT_BINARY_OR, rt_int_binary(RT_BINARY_LSHIFT, r, rt_small(8)), b);
  }
  if (sig && rt_obj_truthy(sig) && cnt && (rt_small_get(items[little ? cnt - 1 : 0]) & 0x80))
    r = rt_int_binary(RT_BINARY_SUB, r,
                      rt_int_binary(RT_BINARY_LSHIFT, rt_small(1), rt_small((intptr_t)(8 * cnt))));
  return r;
}

// A bool seen through the int interface is its plain int value.
static rt_val_t plain_int(rt_val_t v) {
  return v == RT_TRUE ? rt_small(1) : v == RT_FALSE ? rt_small(0) : v;
}
static rt_val_t m_conjugate(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return plain_int(args[0]);
}

static RT_BUILTIN(conjugate_obj, conjugate, 1, 1, 0, m_conjugate);
static RT_BUILTIN(bit_length_obj, bit_length, 1, 1, 0, m_bit_length);
static RT_BUILTIN(to_bytes_obj, to_bytes, 1, 3, RT_BF_KW, m_to_bytes);
static RT_BUILTIN(from_bytes_obj, from_bytes, 1, 2, RT_BF_KW, m_from_bytes);
static const rt_method_t int_methods[] = {{RT_Q_bit_length, &bit_length_obj},
                                          {RT_Q_to_bytes, &to_bytes_obj},
                                          {RT_Q_from_bytes, &from_bytes_obj},
                                          {RT_Q_conjugate, &conjugate_obj},
                                          {0, NULL}};

rt_val_t rt_int_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  if (store) return RT_NULL;
  if (name == RT_QV(real) || name == RT_QV(numerator)) return plain_int(self);
  if (name == RT_QV(imag)) return rt_small(0);
  if (name == RT_QV(denominator)) return rt_small(1);
  return RT_NULL;
}

const rt_type_t rt_int_type = {
    .type = &rt_type_type,
    .name = RT_Q_int,
    .flags = RT_TYPE_BASETYPE,
    .base = &rt_object_type,
    .methods = int_methods,
    .print = int_print,
    .make_new = int_make_new,
    .unary = int_unary,
    .binary = rt_int_binary,
    .attr = rt_int_attr,
};
