# Recursive functions: fib, factorial, mutual recursion, recursion over lists.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fib(15))
print(fib(0), fib(1), fib(10))
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
print(fact(10))
print(fact(30))
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)
def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)
print(is_even(20), is_odd(7), is_even(7))
def total(items):
    if not items:
        return 0
    return items[0] + total(items[1:])
print(total([1, 2, 3, 4, 5]))
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(50))
def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)
print(gcd(1071, 462))
