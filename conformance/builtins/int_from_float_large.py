# int() of floats beyond 2**53, up to the top of the double range.
import math
for d in (9.1e15, 2.0**53 + 2, 1e16, 1.5e17, 2.0**63, 2.0**64, 1e20, 3.7e50, 1e100, 1e300, 1e308, 1.7976931348623157e308, -1e308, -2.0**70 - 2.0**20, 123456789.0 * 2**200):
    i = int(d)
    print(i, float(i) == d, hex(i)[:20])
print(1e308 < 10**400, -1e308 > -10**400, 1e308 == 10**308, int(1e308) == 10**308)
print(math.trunc(1e20), math.trunc(-3.7e19), math.trunc(2.5), math.trunc(-2.5))
