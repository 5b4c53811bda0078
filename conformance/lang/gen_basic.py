# Generators: yield, next(), StopIteration, iteration, send.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(4)))
g = count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration:
    print('StopIteration')
for v in count_up(3):
    print('v', v)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def echo():
    got = yield 'ready'
    while True:
        got = yield 'got %s' % got
e = echo()
print(next(e))
print(e.send(1))
print(e.send('two'))
def with_return():
    yield 1
    return 'done'
w = with_return()
next(w)
try:
    next(w)
except StopIteration as s:
    print('return value', s.args)
print(sum(x * x for x in range(5)))
