# An int beyond the double range cannot become a float, but still compares.
big = 10**400
for f in (lambda: float(big), lambda: big * 1.0, lambda: 1.0 + big, lambda: big / 1,
          lambda: 1 / big * big, lambda: (-big) ** -1):
    try:
        print(f())
    except OverflowError as e:
        print(type(e).__name__, e)
n = float('nan')
print(n < big, n != big, 1e308 < big, -1e308 > -big, float('inf') > big, 1 / big)
