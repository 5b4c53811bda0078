# Mixed float and int arithmetic and comparisons, including the edges
# where an int does not convert exactly.
print(1 + 0.5, 0.5 + 1, 3 - 0.25, 2 * 1.5, 7 / 2.0, 1.0 / 4, 3 / 4)
print(2.0 < 3, 3.0 <= 3, 3.5 > 3, -1.0 >= 0, 2.0 == 2, 2.5 != 2)
big = 2 ** 53 + 1
print(float(2 ** 53) == big, float(2 ** 53) < big, 9007199254740992.0 >= big, big > float(2 ** 53), big == 2.0 ** 53)
nan = float('nan')
print(nan == 1, nan != 1, nan < 1, float('inf') > 10 ** 20, -0.0 == 0)
try:
    1.5 / 0
except ZeroDivisionError as e:
    print(e)
x = 0.0
for i in range(5):
    x += i / 2
print(x)
