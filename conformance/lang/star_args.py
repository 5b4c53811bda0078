# *args and **kwargs in definitions and calls.
def f(*args):
    return args
print(f(), f(1), f(1, 2, 3))
def g(a, *rest):
    print(a, rest)
g(1)
g(1, 2, 3)
def h(**kw):
    return sorted(kw.items())
print(h(), h(x=1, y=2))
def both(a, b=2, *args, **kw):
    print(a, b, args, sorted(kw.items()))
both(1)
both(1, 3, 4, 5, z=6)
def add3(a, b, c):
    return a + b + c
nums = [1, 2, 3]
print(add3(*nums))
print(add3(1, *[2, 3]))
print(add3(**{'a': 1, 'b': 2, 'c': 3}))
print(add3(1, **{'c': 3, 'b': 2}))
def kwonly(a, *, key='k'):
    return a, key
print(kwonly(1), kwonly(1, key='z'))
try:
    kwonly(1, 2)
except TypeError:
    print('TypeError')
print(*[1, 2, 3], sep='-')
