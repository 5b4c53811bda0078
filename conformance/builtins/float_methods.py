# float.is_integer(), divmod and conversions.
print((2.0).is_integer(), (2.5).is_integer(), (-0.0).is_integer())
print(divmod(10.5, 3), divmod(-1.0, 4))
print(float(2 ** 53) == 2 ** 53, int(1e15))
print(abs(-0.5), -(0.5), +(-0.25))
print(1.5 < 2, 2 < 1.5, 3.0 >= 3, 1 == 1.0)
