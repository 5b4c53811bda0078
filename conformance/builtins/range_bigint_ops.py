# Ranges past 2**61: printing, slicing, iteration, membership, index/count, equality.
big = range(10 ** 30)
print(big[-1] == 10 ** 30 - 1, 10 ** 29 in big)
try:
    len(big)
except OverflowError as e:
    print(type(e).__name__, e)
print(big, bool(big), bool(range(10**30, 0)))
r = range(10**20, 10**20 + 10, 3)
print(r, list(r), len(r), r[1], r[-1], r.start, r.stop, r.step)
print(10**20 + 3 in r, 10**20 + 4 in r, 5 in r, 1.5 in r)
print(r.index(10**20+6), r.count(10**20+6), r.count(7))
print(big[10:20:3], big[::-1][:3], big[5:-5:10**28])
print(list(reversed(range(10**20, 10**20 + 3))))
print(range(-10**30, 10**30, 10**29))
print(list(range(-10**30, 10**30, 5*10**29)))
print(range(10**30) == range(0, 10**30), range(10**30) == range(10**30+1), range(5, 10**30, 10**30) == range(5, 6))
print(range(2**62), len(range(2**62)), range(2**61+1))
print(range(2**61)[::2], range(0, 2**61, 2**60)[::2**60])
print(type(iter(big)).__name__, type(iter(range(3))).__name__)
for i in range(2**70, 2**70+2): print(i)
try:
    big[10**31]
except IndexError as e: print(e)
try:
    big[::0]
except ValueError as e: print(e)
try:
    big['a']
except TypeError as e: print(e)
try:
    range(10**30).index(-1)
except ValueError as e: print(e)
print(range(10)[-100:100], range(10)[::-1], range(10)[5:2:-1], range(0, 10**30, 7)[3::2])
print(range(True, 3), list(range(True)))
