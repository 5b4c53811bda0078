# time.mktime/localtime arithmetic that holds in any epoch and time zone:
# differences between dates, and the date, weekday and day of the year of
# a date at noon (away from any daylight-saving shift).
import time


def secs(y, mo, d, h=12, mi=0, s=0):
    return int(time.mktime((y, mo, d, h, mi, s, 0, 0, -1)))


print(secs(2024, 3, 1) - secs(2024, 2, 28))  # leap year: 2 days
print(secs(2023, 3, 1) - secs(2023, 2, 28))  # not: 1 day
print(secs(2001, 1, 1) - secs(2000, 1, 1))  # 2000 was a leap year
print(secs(2101, 1, 1) - secs(2100, 1, 1))  # 2100 will not be
print(secs(2024, 1, 1, 13, 2, 3) - secs(2024, 1, 1, 12, 0, 0))
print(secs(2030, 6, 15) - secs(2020, 6, 15))

# Fields out of range carry over.
print(secs(2024, 13, 1) == secs(2025, 1, 1))
print(secs(2024, 3, 0) == secs(2024, 2, 29))
print(secs(2024, 1, 31, 36) == secs(2024, 2, 1, 12))
print(secs(2024, 1, 1, 12, 90) == secs(2024, 1, 1, 13, 30))

for date in [(2000, 1, 1), (2000, 2, 29), (2000, 12, 31), (2024, 2, 29), (2024, 7, 4),
             (2026, 11, 25), (2038, 1, 19), (2099, 12, 31), (2100, 3, 1)]:
    t = time.localtime(secs(*date))
    print(date, t[0:3], "weekday", t[6], "yearday", t[7])

# A round trip through localtime and back.
s = secs(2031, 8, 9, 12, 34, 56)
print(secs(*time.localtime(s)[0:6]) == s)
print(int(time.mktime(time.localtime(s))) == s)
