# Arbitrary-precision integers: factorials, Fibonacci numbers, and their
# decimal conversion.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

acc = 0
# Below 4300 digits: CPython 3.11 refuses longer int-to-str conversions.
for k in range(900):
    f = fact(1200 + k % 100)
    g = fib(8000 + k % 100)
    acc += len(str(f)) + f % 1000003 + len(str(g)) + g % 999983
print(acc)
