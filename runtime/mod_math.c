// SPDX-License-Identifier: MIT
// mod_math.c: the math module. Domain errors raise ValueError("math
// domain error") and overflows OverflowError("math range error"), as in
// CPython.
#include <math.h>

#include "mod_math.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_float.h"
#include "obj_func.h"
#include "obj_int.h"
#include "obj_tuple.h"
#include "obj_type.h"
#include "qstr.h"
#include "raise.h"

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw

// A float argument: ints, floats and objects with __float__ (strings do
// not count, although float() would parse them).
static double arg_of(rt_val_t v) {
  if (rt_is_str(v)) rt_raise_msg(&rt_exc_TypeError, RT_MSG("must be real number, not %t"), v);
  return rt_obj_get_float(v);
}

static double arg(const rt_val_t *args, size_t i) {
  return arg_of(args[i]);
}

static rt_val_t result(double x, bool domain_ok) {
  if (!domain_ok || isnan(x)) rt_raise_msg(&rt_exc_ValueError, RT_MSG("math domain error"));
  if (isinf(x)) rt_raise_msg(&rt_exc_OverflowError, RT_MSG("math range error"));
  return rt_float_new(x);
}

#define F1(name, expr, ok)                                                                                   \
  static rt_val_t m_##name(ARGS) {                                                                           \
    (void)n, (void)kw;                                                                                       \
    double x = arg(args, 0);                                                                                 \
    if (isnan(x)) return rt_float_new(x);                                                                    \
    if (isinf(x) && (ok)) return rt_float_new(expr);                                                         \
    return result(expr, ok);                                                                                 \
  }                                                                                                          \
  static RT_BUILTIN(name##_obj, name, 1, 1, 0, m_##name);

F1(sqrt, sqrt(x), x >= 0)
F1(exp, exp(x), true)
F1(sin, sin(x), !isinf(x))
F1(cos, cos(x), !isinf(x))
F1(tan, tan(x), !isinf(x))
F1(asin, asin(x), x >= -1 && x <= 1)
F1(acos, acos(x), x >= -1 && x <= 1)
F1(atan, atan(x), true)
F1(log2, log2(x), x > 0)
F1(log10, log10(x), x > 0)
F1(fabs, fabs(x), true)
F1(degrees, x *(180.0 / M_PI), true)
F1(radians, x *(M_PI / 180.0), true)
F1(sinh, sinh(x), true)
F1(cosh, cosh(x), true)
F1(tanh, tanh(x), true)
F1(asinh, asinh(x), true)
F1(acosh, acosh(x), x >= 1)
F1(atanh, atanh(x), x > -1 && x < 1)
F1(expm1, expm1(x), true)
F1(log1p, log1p(x), x > -1)
F1(erf, erf(x), true)
F1(erfc, erfc(x), true)
F1(cbrt, cbrt(x), true)
F1(exp2, exp2(x), true)
// Gamma has poles at 0 and the negative integers.
F1(gamma, tgamma(x), !(x <= 0 && x == floor(x)) && !(isinf(x) && x < 0))
F1(lgamma, lgamma(x), !(x <= 0 && x == floor(x)))

static rt_val_t m_log(ARGS) {
  (void)kw;
  double x = arg(args, 0);
  if (x <= 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("math domain error"));
  double r = log(x);
  if (n > 1) {
    double b = arg(args, 1);
    if (b <= 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("math domain error"));
    if (b == 1) rt_raise_msg(&rt_exc_ZeroDivisionError, RT_MSG("float division by zero"));
    r /= log(b);
  }
  return rt_float_new(r);
}

static rt_val_t m_pow(ARGS) {
  (void)n, (void)kw;
  double x = arg(args, 0), y = arg(args, 1);
  if (x == 0 && y < 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("math domain error"));
  if (x < 0 && y != floor(y)) rt_raise_msg(&rt_exc_ValueError, RT_MSG("math domain error"));
  return result(pow(x, y), true);
}

static rt_val_t m_atan2(ARGS) {
  (void)n, (void)kw;
  return rt_float_new(atan2(arg(args, 0), arg(args, 1)));
}

static rt_val_t m_hypot(ARGS) {
  (void)kw;
  double acc = 0;
  for (size_t i = 0; i < n; i++)
    acc = hypot(acc, arg(args, i));
  return rt_float_new(acc);
}

static rt_val_t m_fmod(ARGS) {
  (void)n, (void)kw;
  double x = arg(args, 0), y = arg(args, 1);
  if (y == 0 || isinf(x)) rt_raise_msg(&rt_exc_ValueError, RT_MSG("math domain error"));
  return rt_float_new(fmod(x, y));
}

static rt_val_t m_copysign(ARGS) {
  (void)n, (void)kw;
  return rt_float_new(copysign(arg(args, 0), arg(args, 1)));
}

// floor/ceil/trunc of an int are the int; of a float an int.
static rt_val_t to_int(rt_val_t v, double (*fn)(double)) {
  v = rt_type_unbox(v);
  if (rt_obj_isinstance(v, &rt_int_type)) return v == RT_TRUE || v == RT_FALSE ? rt_small(v == RT_TRUE) : v;
  return rt_int_from_double(fn(arg_of(v)));
}
static rt_val_t m_floor(ARGS) {
  (void)n, (void)kw;
  return to_int(args[0], floor);
}
static rt_val_t m_ceil(ARGS) {
  (void)n, (void)kw;
  return to_int(args[0], ceil);
}
// Rounds toward zero through floor/ceil: picolibc's trunc() on the lx106
// cleared the low 32 bits of 1e20 (seen on QEMU).
static double toward_zero(double x) {
  return x < 0 ? ceil(x) : floor(x);
}
static rt_val_t m_trunc(ARGS) {
  (void)n, (void)kw;
  return to_int(args[0], toward_zero);
}

static rt_val_t m_isfinite(ARGS) {
  (void)n, (void)kw;
  return rt_bool(isfinite(arg(args, 0)));
}
static rt_val_t m_isinf(ARGS) {
  (void)n, (void)kw;
  return rt_bool(isinf(arg(args, 0)));
}
static rt_val_t m_isnan(ARGS) {
  (void)n, (void)kw;
  return rt_bool(isnan(arg(args, 0)));
}

static rt_val_t m_isclose(ARGS) {
  (void)n;
  double a = arg(args, 0), b = arg(args, 1), rel = 1e-9, abs_tol = 0;
  rt_val_t v;
  if ((v = rt_kw_get(kw, rt_qstr_from_cstr("rel_tol")))) rel = rt_obj_get_float(v);
  if ((v = rt_kw_get(kw, rt_qstr_from_cstr("abs_tol")))) abs_tol = rt_obj_get_float(v);
  if (a == b) return RT_TRUE;
  if (isinf(a) || isinf(b)) return RT_FALSE;
  double d = fabs(a - b);
  return rt_bool(d <= fabs(rel * b) || d <= fabs(rel * a) || d <= abs_tol);
}

static rt_val_t m_gcd(ARGS) {
  (void)kw;
  rt_val_t g = rt_small(0);
  for (size_t i = 0; i < n; i++) {
    rt_val_t a = rt_obj_unary(RT_UNARY_ABS, g), b = rt_obj_unary(RT_UNARY_ABS, args[i]);
    while (rt_obj_truthy(b)) {
      rt_val_t t = rt_obj_binary(RT_BINARY_MOD, a, b);
      a = b;
      b = t;
    }
    g = a;
  }
  return g;
}

static rt_val_t m_factorial(ARGS) {
  (void)n, (void)kw;
  if (!rt_obj_isinstance(args[0], &rt_int_type))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%t' object cannot be interpreted as an integer"), args[0]);
  intptr_t k = rt_obj_get_int(args[0]);
  if (k < 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("factorial() not defined for negative values"));
  rt_val_t r = rt_small(1);
  for (intptr_t i = 2; i <= k; i++)
    r = rt_obj_binary(RT_BINARY_MUL, r, rt_small(i));
  return r;
}

static rt_val_t m_modf(ARGS) {
  (void)n, (void)kw;
  double ip, fp = modf(arg(args, 0), &ip);
  rt_val_t t[2] = {rt_float_new(fp), rt_float_new(ip)};
  return rt_tuple_new(2, t);
}

static rt_val_t m_frexp(ARGS) {
  (void)n, (void)kw;
  int e;
  double m = frexp(arg(args, 0), &e);
  rt_val_t t[2] = {rt_float_new(m), rt_small(e)};
  return rt_tuple_new(2, t);
}

static rt_val_t m_ldexp(ARGS) {
  (void)n, (void)kw;
  return result(ldexp(arg(args, 0), (int)rt_obj_get_int(args[1])), true);
}

static RT_BUILTIN(log_obj, log, 1, 2, 0, m_log);
static RT_BUILTIN(pow_obj, pow, 2, 2, 0, m_pow);
static RT_BUILTIN(atan2_obj, atan2, 2, 2, 0, m_atan2);
static RT_BUILTIN(hypot_obj, hypot, 0, RT_ARGS_ANY, 0, m_hypot);
static RT_BUILTIN(fmod_obj, fmod, 2, 2, 0, m_fmod);
static rt_val_t m_remainder(ARGS) {
  (void)n, (void)kw;
  double x = arg(args, 0), y = arg(args, 1);
  if (isnan(x) || isnan(y)) return rt_float_new(NAN);
  if (y == 0 || isinf(x)) rt_raise_msg(&rt_exc_ValueError, RT_MSG("math domain error"));
  return rt_float_new(remainder(x, y));
}

static rt_val_t m_nextafter(ARGS) {
  (void)n, (void)kw;
  return rt_float_new(nextafter(arg(args, 0), arg(args, 1)));
}

static rt_val_t m_ulp(ARGS) {
  (void)n, (void)kw;
  double x = fabs(arg(args, 0));
  if (isnan(x) || isinf(x)) return rt_float_new(x);
  double up = nextafter(x, INFINITY);
  if (isinf(up)) return rt_float_new(x - nextafter(x, 0)); // the largest float
  return rt_float_new(up - x);
}

// An int argument (bool counts); TypeError as CPython words it otherwise.
static rt_val_t int_arg(rt_val_t v) {
  v = rt_type_unbox(v);
  if (!rt_obj_isinstance(v, &rt_int_type))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%t' object cannot be interpreted as an integer"), v);
  return v == RT_TRUE || v == RT_FALSE ? rt_small(v == RT_TRUE) : v;
}

static bool is_neg(rt_val_t v) {
  return rt_obj_truthy(rt_obj_compare(RT_BINARY_LT, v, rt_small(0)));
}

static rt_val_t m_lcm(ARGS) {
  (void)kw;
  rt_val_t l = rt_small(1);
  for (size_t i = 0; i < n; i++) {
    rt_val_t a = rt_obj_unary(RT_UNARY_ABS, int_arg(args[i]));
    if (!rt_obj_truthy(a)) return rt_small(0);
    rt_val_t pair[2] = {l, a};
    rt_val_t g = m_gcd(2, pair, NULL);
    l = rt_obj_binary(RT_BINARY_MUL, rt_obj_binary(RT_BINARY_FLOORDIV, l, g), a);
  }
  return l;
}

// n * (n-1) * ... * (n-k+1), divided by k! when [choose].
static rt_val_t falling(rt_val_t nv, rt_val_t kv, bool choose) {
  nv = int_arg(nv);
  kv = int_arg(kv);
  if (is_neg(nv)) rt_raise_msg(&rt_exc_ValueError, RT_MSG("n must be a non-negative integer"));
  if (is_neg(kv)) rt_raise_msg(&rt_exc_ValueError, RT_MSG("k must be a non-negative integer"));
  if (rt_obj_truthy(rt_obj_compare(RT_BINARY_GT, kv, nv))) return rt_small(0);
  if (choose) {
    rt_val_t rest = rt_obj_binary(RT_BINARY_SUB, nv, kv);
    if (rt_obj_truthy(rt_obj_compare(RT_BINARY_LT, rest, kv))) kv = rest; // C(n, k) == C(n, n-k)
  }
  intptr_t k = rt_obj_get_int(kv);
  rt_val_t r = rt_small(1);
  for (intptr_t i = 0; i < k; i++) {
    r = rt_obj_binary(RT_BINARY_MUL, r, rt_obj_binary(RT_BINARY_SUB, nv, rt_small(i)));
    if (choose) r = rt_obj_binary(RT_BINARY_FLOORDIV, r, rt_small(i + 1));
  }
  return r;
}

static rt_val_t m_comb(ARGS) {
  (void)n, (void)kw;
  return falling(args[0], args[1], true);
}

static rt_val_t m_perm(ARGS) {
  (void)kw;
  return falling(args[0], n > 1 && args[1] != RT_NONE ? args[1] : args[0], false);
}

// The integer square root by Newton's iteration on ints of any size.
static rt_val_t m_isqrt(ARGS) {
  (void)n, (void)kw;
  rt_val_t v = int_arg(args[0]);
  if (is_neg(v)) rt_raise_msg(&rt_exc_ValueError, RT_MSG("isqrt() argument must be nonnegative"));
  if (!rt_obj_truthy(v)) return rt_small(0);
  rt_val_t x = v,
           y = rt_obj_binary(RT_BINARY_FLOORDIV, rt_obj_binary(RT_BINARY_ADD, x, rt_small(1)), rt_small(2));
  while (rt_obj_truthy(rt_obj_compare(RT_BINARY_LT, y, x))) {
    x = y;
    y = rt_obj_binary(RT_BINARY_FLOORDIV,
                      rt_obj_binary(RT_BINARY_ADD, x, rt_obj_binary(RT_BINARY_FLOORDIV, v, x)), rt_small(2));
  }
  return x;
}

// fsum: exact partial sums (Shewchuk), rounded once at the end.
static rt_val_t m_fsum(ARGS) {
  (void)n, (void)kw;
  double partials[32];
  size_t np = 0;
  double special = 0; // inf/nan seen
  bool any_special = false;
  rt_val_t it = rt_obj_getiter(args[0]), v;
  while ((v = rt_obj_iternext(it))) {
    double x = rt_obj_get_float(v);
    if (!isfinite(x)) {
      special = any_special ? special + x : x;
      any_special = true;
      continue;
    }
    size_t i = 0;
    for (size_t j = 0; j < np; j++) {
      double y = partials[j];
      if (fabs(x) < fabs(y)) {
        double t = x;
        x = y;
        y = t;
      }
      double hi = x + y, lo = y - (hi - x);
      if (lo != 0) partials[i++] = lo;
      x = hi;
    }
    if (i >= sizeof partials / sizeof partials[0])
      rt_raise_msg(&rt_exc_OverflowError, RT_MSG("math range error"));
    partials[i++] = x;
    np = i;
  }
  if (any_special) {
    if (isnan(special)) rt_raise_msg(&rt_exc_ValueError, RT_MSG("-inf + inf in fsum"));
    return rt_float_new(special);
  }
  double hi = 0;
  if (np) {
    hi = partials[--np];
    while (np) {
      double x = hi, y = partials[--np];
      hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0) {
        // Round half to even across the remaining partials.
        if (np && ((lo < 0 && partials[np - 1] < 0) || (lo > 0 && partials[np - 1] > 0))) {
          y = lo * 2;
          x = hi + y;
          if (y == x - hi) hi = x;
        }
        break;
      }
    }
  }
  return rt_float_new(hi);
}

static rt_val_t m_prod(ARGS) {
  (void)n;
  rt_val_t start = kw ? rt_kw_get(kw, rt_qstr_from_cstr("start")) : RT_NULL;
  rt_val_t r = start ? start : rt_small(1);
  rt_val_t it = rt_obj_getiter(args[0]), v;
  while ((v = rt_obj_iternext(it)))
    r = rt_obj_binary(RT_BINARY_MUL, r, v);
  return r;
}

static rt_val_t m_dist(ARGS) {
  (void)n, (void)kw;
  rt_val_t *p, *q;
  size_t np = rt_obj_get_items(rt_tuple_from_iter(args[0]), &p);
  rt_val_t qt = rt_tuple_from_iter(args[1]);
  size_t nq = rt_obj_get_items(qt, &q);
  if (np != nq)
    rt_raise_msg(&rt_exc_ValueError, RT_MSG("both points must have the same number of dimensions"));
  double acc = 0;
  for (size_t i = 0; i < np; i++)
    acc = hypot(acc, rt_obj_get_float(p[i]) - rt_obj_get_float(q[i]));
  return rt_float_new(acc);
}

static RT_BUILTIN(remainder_obj, remainder, 2, 2, 0, m_remainder);
static RT_BUILTIN(nextafter_obj, nextafter, 2, 2, 0, m_nextafter);
static RT_BUILTIN(ulp_obj, ulp, 1, 1, 0, m_ulp);
static RT_BUILTIN(lcm_obj, lcm, 0, RT_ARGS_ANY, 0, m_lcm);
static RT_BUILTIN(comb_obj, comb, 2, 2, 0, m_comb);
static RT_BUILTIN(perm_obj, perm, 1, 2, 0, m_perm);
static RT_BUILTIN(isqrt_obj, isqrt, 1, 1, 0, m_isqrt);
static RT_BUILTIN(fsum_obj, fsum, 1, 1, 0, m_fsum);
static RT_BUILTIN(prod_obj, prod, 1, 1, RT_BF_KW, m_prod);
static RT_BUILTIN(dist_obj, dist, 2, 2, 0, m_dist);
static RT_BUILTIN(copysign_obj, copysign, 2, 2, 0, m_copysign);
static RT_BUILTIN(floor_obj, floor, 1, 1, 0, m_floor);
static RT_BUILTIN(ceil_obj, ceil, 1, 1, 0, m_ceil);
static RT_BUILTIN(trunc_obj, trunc, 1, 1, 0, m_trunc);
static RT_BUILTIN(isfinite_obj, isfinite, 1, 1, 0, m_isfinite);
static RT_BUILTIN(isinf_obj, isinf, 1, 1, 0, m_isinf);
static RT_BUILTIN(isnan_obj, isnan, 1, 1, 0, m_isnan);
static RT_BUILTIN(isclose_obj, isclose, 2, 2, RT_BF_KW, m_isclose);
static RT_BUILTIN(gcd_obj, gcd, 0, RT_ARGS_ANY, 0, m_gcd);
static RT_BUILTIN(factorial_obj, factorial, 1, 1, 0, m_factorial);
static RT_BUILTIN(modf_obj, modf, 1, 1, 0, m_modf);
static RT_BUILTIN(frexp_obj, frexp, 1, 1, 0, m_frexp);
static RT_BUILTIN(ldexp_obj, ldexp, 2, 2, 0, m_ldexp);

static const rt_method_t math_table[] = {
    {RT_Q_sqrt, &sqrt_obj},
    {RT_Q_exp, &exp_obj},
    {RT_Q_sin, &sin_obj},
    {RT_Q_cos, &cos_obj},
    {RT_Q_tan, &tan_obj},
    {RT_Q_asin, &asin_obj},
    {RT_Q_acos, &acos_obj},
    {RT_Q_atan, &atan_obj},
    {RT_Q_log2, &log2_obj},
    {RT_Q_log10, &log10_obj},
    {RT_Q_fabs, &fabs_obj},
    {RT_Q_degrees, &degrees_obj},
    {RT_Q_radians, &radians_obj},
    {RT_Q_sinh, &sinh_obj},
    {RT_Q_cosh, &cosh_obj},
    {RT_Q_tanh, &tanh_obj},
    {RT_Q_log, &log_obj},
    {RT_Q_pow, &pow_obj},
    {RT_Q_atan2, &atan2_obj},
    {RT_Q_hypot, &hypot_obj},
    {RT_Q_fmod, &fmod_obj},
    {RT_Q_copysign, &copysign_obj},
    {RT_Q_floor, &floor_obj},
    {RT_Q_ceil, &ceil_obj},
    {RT_Q_trunc, &trunc_obj},
    {RT_Q_isfinite, &isfinite_obj},
    {RT_Q_isinf, &isinf_obj},
    {RT_Q_isnan, &isnan_obj},
    {RT_Q_isclose, &isclose_obj},
    {RT_Q_gcd, &gcd_obj},
    {RT_Q_factorial, &factorial_obj},
    {RT_Q_modf, &modf_obj},
    {RT_Q_frexp, &frexp_obj},
    {RT_Q_ldexp, &ldexp_obj},
    {RT_Q_asinh, &asinh_obj},
    {RT_Q_acosh, &acosh_obj},
    {RT_Q_atanh, &atanh_obj},
    {RT_Q_expm1, &expm1_obj},
    {RT_Q_log1p, &log1p_obj},
    {RT_Q_erf, &erf_obj},
    {RT_Q_erfc, &erfc_obj},
    {RT_Q_cbrt, &cbrt_obj},
    {RT_Q_exp2, &exp2_obj},
    {RT_Q_gamma, &gamma_obj},
    {RT_Q_lgamma, &lgamma_obj},
    {RT_Q_remainder, &remainder_obj},
    {RT_Q_nextafter, &nextafter_obj},
    {RT_Q_ulp, &ulp_obj},
    {RT_Q_lcm, &lcm_obj},
    {RT_Q_comb, &comb_obj},
    {RT_Q_perm, &perm_obj},
    {RT_Q_isqrt, &isqrt_obj},
    {RT_Q_fsum, &fsum_obj},
    {RT_Q_prod, &prod_obj},
    {RT_Q_dist, &dist_obj},
    {0, NULL},
};

void rt_math_init(rt_dict_t *g) {
  for (const rt_method_t *m = math_table; m->name; m++)
    rt_dict_set(g, rt_qstr_val(m->name), rt_val(m->value));
  rt_dict_set(g, RT_QV(pi), rt_float_new(M_PI));
  rt_dict_set(g, RT_QV(e), rt_float_new(M_E));
  rt_dict_set(g, RT_QV(tau), rt_float_new(2 * M_PI));
  rt_dict_set(g, RT_QV(inf), rt_float_new(INFINITY));
  rt_dict_set(g, RT_QV(nan), rt_float_new(NAN));
}
