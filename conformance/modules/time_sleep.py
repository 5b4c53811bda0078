# time.sleep accepts ints and floats, and refuses a negative length.
import time

time.sleep(0)
time.sleep(0.01)
time.sleep(1 / 50)
print("slept")
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError", e)
print(type(time.time()) in (int, float), time.time() >= 0)
