# generators in depth
def countdown(n):
    while n > 0:
        got = yield n
        if got:
            n = got
        else:
            n -= 1
    return "liftoff"
g = countdown(3)
print(next(g), g.send(10), next(g), next(g))
g.close()
try:
    next(g)
except StopIteration:
    print("closed")
def catcher():
    try:
        yield 1
    except ValueError as e:
        yield "caught " + str(e)
    yield 3
c = catcher()
print(next(c), c.throw(ValueError("boom")), next(c))
def sub():
    x = yield 1
    yield x
    return "subret"
def top():
    r = yield from sub()
    yield r
t = top()
print(next(t), t.send("sent"), next(t))
def fibg():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import sys
out = []
for v in fibg():
    if v > 100:
        break
    out.append(v)
print(out)
print(list(zip(range(3), fibg())))
def gen_ret():
    yield 1
    return 5
try:
    it = gen_ret()
    next(it)
    next(it)
except StopIteration as e:
    print("value", e.value)
# with nesting and exceptions
class Res:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self.name
    def __exit__(self, *exc):
        print("close", self.name, exc[0].__name__ if exc[0] else None)
        return False
with Res("a") as a, Res("b") as b:
    print("using", a, b)
def early():
    with Res("c"):
        return "early-return"
print(early())
for i in range(2):
    with Res("loop%d" % i):
        if i == 0:
            continue
        break
try:
    with Res("err"):
        raise IndexError("ie")
except IndexError as e:
    print("outside", e)
# exceptions: finally with return, nested handlers
def fin():
    try:
        return "try"
    finally:
        print("finally runs")
print(fin())
def fin2():
    for i in range(3):
        try:
            if i == 1:
                return i
        finally:
            print("f", i)
print(fin2())
def handler_return():
    try:
        raise KeyError("k")
    except KeyError:
        return "from handler"
    finally:
        print("cleanup")
print(handler_return())
try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise TypeError("outer")
except TypeError as e:
    print(repr(e), repr(e.__context__))
class E1(Exception): pass
class E2(E1): pass
for exc in (E1, E2, ValueError):
    try:
        raise exc("x")
    except E2:
        print("E2")
    except E1:
        print("E1")
    except Exception as e:
        print("other", type(e).__name__)
try:
    raise E2
except (TypeError, E1) as e:
    print("tuple catch", type(e).__name__, e.args)
print(sys.exc_info()[0])
def raiser():
    raise NotImplementedError
try:
    raiser()
except RuntimeError as e:
    print("NIE is RuntimeError", type(e).__name__)
try:
    [].index(1)
except ValueError as e:
    print(e)
try:
    int("12a")
except ValueError as e:
    print(e)
try:
    1 .bad
except AttributeError as e:
    print(e)
try:
    ().x = 1
except AttributeError as e:
    print(e)
try:
    f = 1
    f()
except TypeError as e:
    print(e)
try:
    {}[[1]] = 2
except TypeError as e:
    print(e)
try:
    raise Exception("a", "b")
except Exception as e:
    print(e, e.args)
