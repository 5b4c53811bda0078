# Arbitrary-precision integers: powers, products, sums, comparisons.
print(2 ** 100)
print(2 ** 64 - 1)
print(2 ** 64 + 1)
f = 1
i = 1
while i <= 30:
    f = f * i
    i += 1
print(f)
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a + b)
print(b - a)
print(a * b)
print(b // a, b % a)
print(a * a * a)
print(2 ** 100 // 2 ** 50 == 2 ** 50)
print(2 ** 100 > 2 ** 99, 2 ** 100 < 2 ** 99)
print(2 ** 100 == 2 ** 100)
print(len(str(2 ** 200)))
print(int('123456789012345678901234567890') == a)
# shrinking back to a small int
c = (2 ** 80 + 5) - 2 ** 80
print(c, c + 1)
print(10 ** 30 // 10 ** 29)
