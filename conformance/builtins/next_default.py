# next() on generators with a default, and after exhaustion.
def g():
    yield 1
    return 2
it = g()
print(next(it), next(it, 'd'), next(it, 'd2'))
e = iter([])
print(next(e, None))
try:
    next(g(), 1, 2)
except TypeError as e:
    print(type(e).__name__)
