# exp: manual
# micropython.schedule queues a call for the next safe point (here a
# sleep); the queue holds 4 calls.
import micropython
import time

log = []


def cb(arg):
    log.append(arg)


micropython.schedule(cb, "a")
micropython.schedule(cb, "b")
print(log)
time.sleep_ms(1)
print(log)
for i in range(4):
    micropython.schedule(cb, i)
try:
    micropython.schedule(cb, 99)
except RuntimeError as e:
    print("RuntimeError", e)
time.sleep_ms(1)
print(log)
