# Wrong argument counts to user functions raise TypeError.
def f(a, b):
    return a + b
def g(a, b=1):
    return a
def h(*, k):
    return k
for call in (lambda: f(1), lambda: f(1, 2, 3), lambda: g(), lambda: g(1, 2, 3),
             lambda: h(1), lambda: h(), lambda: f(1, c=2), lambda: f(1, a=2)):
    try:
        call()
        print('no error')
    except TypeError as e:
        print(type(e).__name__)
print(f(1, 2), g(5), h(k=3))
