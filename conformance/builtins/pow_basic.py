# pow() with two and three arguments.
print(pow(2, 10), pow(2, 100), pow(-2, 3), pow(2, -1), pow(4, 0.5), pow(0, 0))
print(pow(3, 4, 5), pow(2, 100, 97), pow(-3, 3, 7), pow(7, 0, 1))
print(pow(2.0, 3), 2 ** -2, (-8) ** 2)
print(pow(10, 20) == 10 ** 20)
