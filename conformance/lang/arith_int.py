# Small-int arithmetic: + - * ** unary minus, and mixing with bools.
a = 17
b = 5
print(a + b)
print(a - b)
print(b - a)
print(a * b)
print(a * -b)
print(-a)
print(+a)
print(-(-a))
print(2 ** 10)
print(3 ** 0)
print((-2) ** 3)
print(0 * 12345)
print(1 + True)
print(True + True)
print(False * 10)
x = 1000000
print(x * x)
print(x * x - 1)
print(123456 * 654321)
print(-5 - -5)
