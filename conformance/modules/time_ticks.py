# exp: manual
# MicroPython's ticks: ints that wrap at 2**30; ticks_diff is the signed
# distance modulo that period, ticks_add wraps.
import time

PERIOD = 1 << 30
print(time.ticks_add(PERIOD - 1, 1), time.ticks_add(0, -1) == PERIOD - 1)
print(time.ticks_add(100, 50), time.ticks_add(100, -50))
print(time.ticks_diff(5, PERIOD - 5))  # across the wrap: 10 later
print(time.ticks_diff(PERIOD - 5, 5))  # 10 earlier
print(time.ticks_diff(200, 100), time.ticks_diff(100, 200))
print(time.ticks_diff(PERIOD // 2 - 1, 0), time.ticks_diff(PERIOD // 2, 0))
for f in (time.ticks_ms, time.ticks_us, time.ticks_cpu):
    t = f()
    print(type(t) is int, 0 <= t < PERIOD)
t0 = time.ticks_ms()
time.sleep_ms(30)
dt = time.ticks_diff(time.ticks_ms(), t0)
print(dt >= 30, dt < 1000)
u0 = time.ticks_us()
time.sleep_us(2000)
du = time.ticks_diff(time.ticks_us(), u0)
print(du >= 2000, du < 1000000)
deadline = time.ticks_add(time.ticks_ms(), 20)
n = 0
while time.ticks_diff(deadline, time.ticks_ms()) > 0:
    n += 1
print(n > 0)
time.sleep_ms(0)
time.sleep_ms(-5)
time.sleep_us(-5)
print("ok")
