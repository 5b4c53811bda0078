def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(15)])
def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "big"
print([classify(x) for x in (-5, 0, 5, 50)])
total = 0
i = 0
while True:
    i += 1
    if i % 2:
        continue
    if i > 10:
        break
    total += i
else:
    print("not reached")
print(total, i)
for i in range(3):
    pass
else:
    print("for-else", i)
for i in range(5):
    if i == 2:
        break
else:
    print("nope")
print("broke at", i)
def kw(a, b=10, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(kw(1, c=3), kw(1, 2, 3, 4, c=5, e=6), kw(*[1, 2], **{"c": 7}))
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    inner(); inner()
    return x
print(outer())
g = 5
def use_global():
    global g
    g = g * 2
use_global(); print(g)
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter(); c(); c(); print(c())
adders = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders])
print((lambda *a, **k: (a, k))(1, 2, z=3))
def gen(n):
    for i in range(n):
        yield i * i
    return "done"
print(list(gen(5)), sum(gen(4)), next(gen(3)))
def deleg():
    r = yield from gen(3)
    yield r
print(list(deleg()))
def echo():
    got = None
    while True:
        got = yield got
e = echo(); next(e); print(e.send(1), e.send("x"))
print(list(x for x in range(5) if x > 2), (i for i in []) is not None)
if (n := 10) > 5:
    print("walrus", n)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1 != 2, 0 < 5 <= 5 < 6)
print(1 if True else 2, 0 or "default", 5 and 6, not 0, None or [] or "z")
x = 0
assert x == 0
try:
    assert x == 1, "x must be 1"
except AssertionError as e:
    print("assert:", e)
def varargs(*a):
    return len(a)
print(varargs(), varargs(*range(5)))
def rec(n):
    return 0 if n == 0 else 1 + rec(n - 1)
print(rec(50))
