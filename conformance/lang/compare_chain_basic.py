# Comparison operators and chained comparisons.
print(1 < 2, 2 < 1, 2 <= 2, 3 >= 4, 5 == 5, 5 != 5)
print(1 < 2 < 3)
print(1 < 3 < 2)
print(3 > 2 > 1 > 0)
print(1 == 1 == 1, 1 == 1 == 2)
print(0 <= 5 < 10)
print(10 <= 5 < 100)
x = 7
print(0 < x < 10, 0 < x < 5)
print(1 < 2 > 0)
print(1 != 2 != 1)
def f(v):
    print('eval', v)
    return v
# middle operand evaluated once; chain stops at first false
print(f(1) < f(2) < f(3))
print(f(3) < f(2) < f(1))
