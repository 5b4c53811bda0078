# scoping, closures, comprehensions
x = 10
def f():
    return [x for _ in range(2)]
print(f())
def g():
    y = 1
    return [(lambda: y + i)() for i in range(3)]
print(g())
def make():
    fs = []
    for i in range(3):
        def h(i=i):
            return i * 10
        fs.append(h)
    return [fn() for fn in fs]
print(make())
class K:
    a = 1
    b = [a * 2 for _ in range(2)] if False else None
    def m(self):
        return self.a
print(K().m(), K.b)
def gen_exp():
    return sum(i for i in range(10) if i % 2)
print(gen_exp())
print({k: v for k, v in zip("abc", range(3)) if v})
print([(a, b) for a in range(3) for b in range(a)])
print([y for x in [[1, 2], [3]] for y in x])
# star args and unpacking
def star(a, *b, c=3, **d):
    return a, b, c, d
print(star(*(1, 2, 3), **{"c": 4, "e": 5}))
first, *middle, last = range(6)
print(first, middle, last)
(a, b), c = (1, 2), 3
print(a, b, c)
for i, (j, k) in enumerate([(1, 2), (3, 4)]):
    print(i, j, k)
print(*[1, 2, 3], sep="-")
print([*range(3), *"ab"], (*[1], 2), {**{"a": 1}, "b": 2})
# slices
s = list(range(10))
print(s[::3], s[-3:], s[:-7:-2], s[5:2:-1], s[100:], s[-100:2])
s[2:5] = [0]; print(s)
s[::2] = [9] * len(s[::2]); print(s)
del s[1:3]; print(s)
t = "abcdefgh"
print(t[1:-1:2], t[::-1][:3], t[-1:-4:-1])
# chained comparison and identity
a = [1]
b = a
print(a is b, a is not [1], a == [1], 1 < 2 > 1.5, "a" < "b" < "c")
# ternary and boolean shortcuts
print(0 or None, [] and 1, "x" and "y", not [], 1 if [] else 2)
# while/else, try/else
n = 0
while n < 3:
    n += 1
else:
    print("while-else", n)
try:
    pass
except Exception:
    print("no")
else:
    print("try-else")
# global/nonlocal
counter = 0
def inc():
    global counter
    counter += 1
inc(); inc()
print(counter)
def outer():
    v = "a"
    def mid():
        def inner():
            nonlocal v
            v += "b"
        inner()
    mid()
    return v
print(outer())
# del
z = 5
del z
try:
    z
except NameError as e:
    print(e)
lst = [1, 2, 3]
del lst[0]
print(lst)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
# assert
try:
    assert 1 == 2
except AssertionError as e:
    print("AE", repr(e))
# walrus
data = [1, 5, 10, 15]
print([y for x in data if (y := x * 2) > 10])
# int/str conversions
print(int("-0"), str(-0.0), float("  2.5  "), int(True), bool(""), bool("0"), repr(""))
print(int(1e18), int(-1.5e19), 10 ** 25 // 10 ** 5, str(10 ** 25)[-3:])
print(3 // 0.5, 2 ** 0.5, 4 ** 0.5, (-8) ** 2, 0 ** 0)
print(round(0.5), round(1.5), round(2.675, 2), round(-2.5), round(7))
print(sorted([3, 1, 2], reverse=True), sorted("hello"), sorted({3: 1, 1: 2}))
print(list(map(lambda a, b: a * b, [1, 2], [3, 4])), list(zip()))
print(min(3, 1), max([1, 5, 2], key=lambda v: -v), min("b", "a"), max((1, 2), (1, 3)))
print(divmod(-7, 2), divmod(7.5, 2), abs(-7), abs(2.5))
print(isinstance(1, (str, int)), isinstance("s", (int, float)), issubclass(bool, int))
print(hash("abc") == hash("abc"), hash((1, 2)) == hash((1, 2)))
print(list(iter([1, 2])), next(iter("xy")), next(iter([]), "empty"))
print(type(print), type(len).__name__, callable(len), callable(1))
print("%5.1f|%-6d|%+d|% d" % (3.14159, 42, 5, 7))
print("{0[1]} {1[a]} {2.real}".format([1, 2], {"a": "A"}, 3))
print(f"{'nested' + '!'!r:^12}|{3:{'>'}{4}}|{10:#b}|{255:08X}")
print("a\tb".expandtabs() if hasattr("", "expandtabs") else "a       b")
print(ord("\n"), "\\", 'it\'s', "q\"q")
print(str(b"x") if False else "bytes-skip")
