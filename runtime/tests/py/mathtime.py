import math, time
print(math.sqrt(16), math.pi, math.floor(-2.5), math.ceil(2.1), math.trunc(-3.7), math.log(math.e), math.log(8, 2))
print(math.sin(0), math.cos(0), round(math.atan2(1, 1), 6), math.hypot(3, 4), math.fabs(-2), math.gcd(12, 18))
print(math.factorial(20), math.isnan(float("nan")), math.isinf(math.inf), math.exp(0), math.pow(2, 10))
print(math.degrees(math.pi), math.radians(180) == math.pi, math.copysign(3, -1), math.fmod(7, 3), math.modf(2.5))
try:
    math.sqrt(-1)
except ValueError as e:
    print(e)
try:
    math.log(0)
except ValueError as e:
    print(e)
t0 = time.ticks_ms()
time.sleep_ms(5)
print(time.ticks_diff(time.ticks_ms(), t0) >= 0, time.ticks_add(5, 10), time.ticks_diff(3, 5))
