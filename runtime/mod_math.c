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
#include "qstr.h"
#include "raise.h"

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw

static double arg(const rt_val_t *args, size_t i) {
  return rt_obj_get_float(args[i]);
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

static rt_val_t m_log(ARGS) {
  (void)kw;
  double x = arg(args, 0);
  if (x <= 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("math domain error"));
  double r = log(x);
  if (n > 1) {
    double b = arg(args, 1);
    if (b <= 0 || b == 1) rt_raise_msg(&rt_exc_ValueError, RT_MSG("math domain error"));
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
  if (rt_obj_isinstance(v, &rt_int_type)) return v == RT_TRUE || v == RT_FALSE ? rt_small(v == RT_TRUE) : v;
  return rt_int_from_double(fn(rt_obj_get_float(v)));
}
static rt_val_t m_floor(ARGS) {
  (void)n, (void)kw;
  return to_int(args[0], floor);
}
static rt_val_t m_ceil(ARGS) {
  (void)n, (void)kw;
  return to_int(args[0], ceil);
}
static rt_val_t m_trunc(ARGS) {
  (void)n, (void)kw;
  return to_int(args[0], trunc);
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
