# divmod() on ints (all sign combinations), big ints and floats.
for a, b in ((7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5)):
    print(a, b, divmod(a, b))
print(divmod(2 ** 70, 3))
print(divmod(7.5, 2), divmod(-7.5, 2))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__)
try:
    divmod(1.0, 0)
except ZeroDivisionError as e:
    print(type(e).__name__)
try:
    divmod('a', 1)
except TypeError as e:
    print(type(e).__name__)
