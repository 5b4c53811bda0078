# Other int behaviour: pow with mod, negative floor div, shifts, bool ops.
print(7 // -2, -7 // 2, 7 % -2, -7 % 2)
print(1 << 70, (1 << 70) >> 69, -1 >> 5, -16 >> 2)
print(5 & 3, 5 | 3, 5 ^ 3, ~5, -5 & 0xff)
print((2 ** 80) // (2 ** 40), (2 ** 80) % 1000)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
