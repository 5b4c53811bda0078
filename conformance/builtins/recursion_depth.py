# Unbounded recursion raises RecursionError, and the program carries on.
def down(n):
    return down(n + 1) if n < 100000 else n
try:
    down(0)
    print('no error')
except RecursionError as e:
    print(type(e).__name__)
print(issubclass(RecursionError, RuntimeError))
def ok(n):
    return 0 if n == 0 else 1 + ok(n - 1)
print(ok(20))
