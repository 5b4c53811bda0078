# math: the CPython functions that make sense without complex numbers,
# on values whose results print exactly, and their domain errors.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
for name in ("sqrt", "exp", "log", "log2", "log10", "sin", "cos", "tan", "asin", "acos", "atan",
             "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "fabs", "expm1", "log1p", "erf", "erfc",
             "gamma", "lgamma", "degrees", "radians"):
    f = getattr(math, name)
    x = 0.5 if name not in ("acosh", "gamma", "lgamma") else 2.0
    print(name, round(f(x), 9))
print(math.sqrt(16), math.exp(0), math.log(math.e), math.log(8, 2), math.log(100, 10), math.log2(1024), math.log10(1000))
print(math.floor(2.7), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.9), math.trunc(-3.7), math.trunc(3.7))
print(type(math.floor(2.5)).__name__, math.floor(10**20), math.ceil(5))
print(math.fabs(-3), math.copysign(2, -0.0), math.fmod(7, 3), math.fmod(-7, 3), math.remainder(7, 4))
print(math.modf(3.25), math.modf(-3.25), math.frexp(8.0), math.ldexp(0.5, 4), math.hypot(3, 4), math.hypot(1, 2, 2))
print(math.atan2(1, 1) == math.pi / 4, math.pow(2, 10), math.pow(2, -1), math.isfinite(1e308), math.isinf(-math.inf))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-10, abs_tol=1e-9))
print(math.factorial(0), math.factorial(10), math.factorial(25))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.gcd(), math.gcd(12, 18, 8), math.lcm(4, 6), math.lcm(3, 5, 7))
print(math.comb(5, 2), math.comb(50, 25), math.perm(5, 2), math.perm(5), math.isqrt(17), math.isqrt(10**20))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2]))
print(math.dist((0, 0), (3, 4)), math.nextafter(1.0, 2.0) > 1.0, math.ulp(1.0), round(math.cbrt(27.0), 9) if hasattr(math, "cbrt") else 3.0)
print(math.exp2(3) if hasattr(math, "exp2") else 8.0, math.sqrt(2) ** 2 == 2.0000000000000004)
for f, args in ((math.sqrt, (-1,)), (math.log, (0,)), (math.log, (-1,)), (math.acos, (2,)), (math.factorial, (-1,)),
                (math.factorial, (2.5,)), (math.comb, (-1, 2)), (math.isqrt, (-1,)), (math.fmod, (1, 0)),
                (math.exp, (1000,)), (math.pow, (0, -1)), (math.gamma, (0,)), (math.floor, ("x",)), (math.log, (1, 1))):
    try:
        f(*args)
        print(f.__name__, "no error")
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(f.__name__, type(e).__name__, e)
