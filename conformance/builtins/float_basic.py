# float() from ints, strings and specials.
print(float(), float(3), float(-2), float('1.5'), float(' -0.25 '), float('1e3'))
print(float('inf'), float('-inf'), float('-Infinity'), float('nan'))
print(float(True), float('+2.5'), float('.5'), float('5.'))
print(1.5 + 2, 3 / 2, 7 // 2.0, 7 % 2.5, -7 % 2.0, 2.0 ** 3)
print(int(2.9), int(-2.9), float(10 ** 3))
print(0.1 + 0.2 == 0.3, 0.5 == 1 / 2, 1.0 == 1)
