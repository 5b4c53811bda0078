# exp: manual
# The ESP8266 port's calendar: seconds from 2000-01-01 00:00:00 with no
# time zone; (year, month, mday, hour, minute, second, weekday, yearday).
import time

print(time.localtime(0))
print(time.gmtime(0))
print(time.localtime(86399))
print(time.localtime(-1))
print(time.localtime(1.75), time.localtime(-0.5))
print(time.mktime((2000, 1, 1, 0, 0, 0, 0, 0)))
print(time.mktime((2024, 2, 29, 12, 30, 45, 0, 0)))
print(time.localtime(time.mktime((2024, 2, 29, 12, 30, 45, 0, 0))))
t = time.time()
print(type(t) is int, t >= 0, time.localtime()[0] >= 2000)
try:
    time.mktime((2000, 1, 1))
except TypeError:
    print("TypeError")
