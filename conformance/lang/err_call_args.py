# TypeError messages for bad calls to Python functions.
def f(a, b=2, *, c):
    return a + b + c


def g(x, y):
    return x


for call in (lambda: f(), lambda: f(1), lambda: f(1, 2, 3, c=4), lambda: f(1, c=2, d=3),
             lambda: f(1, a=1, c=2), lambda: g(1), lambda: g(), lambda: g(1, 2, 3)):
    try:
        call()
    except TypeError as e:
        print(e)
