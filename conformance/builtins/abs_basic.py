# abs() on ints, floats, bools and big ints.
print(abs(5), abs(-5), abs(0))
print(abs(-2.5), abs(0.25), abs(-0.0))
print(abs(True), abs(False))
print(abs(-(2 ** 70)))
print(abs(-12345678901234567890) == 12345678901234567890)
