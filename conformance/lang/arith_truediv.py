# True division always gives a float; values chosen to have short reprs.
print(7 / 2)
print(-7 / 2)
print(1 / 4)
print(10 / 4)
print(6 / 3)
print(0 / 5)
print(3 / -8)
print(type(6 / 3) == float)
x = 9
x /= 2
print(x)
print(1 / 2 + 1 / 4)
