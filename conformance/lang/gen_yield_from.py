# yield from: delegation, return value of the sub-generator.
def inner(n):
    for i in range(n):
        yield i
    return n * 10
def outer():
    r = yield from inner(3)
    print('inner returned', r)
    yield from 'ab'
    yield from [7, 8]
print(list(outer()))
def flatten(items):
    for x in items:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x
print(list(flatten([1, [2, [3, 4]], [], 5])))
def relay():
    got = yield from accumulator()
    yield 'total %d' % got
def accumulator():
    total = 0
    while True:
        v = yield
        if v is None:
            return total
        total += v
r = relay()
next(r)
r.send(5)
r.send(7)
print(r.send(None))
