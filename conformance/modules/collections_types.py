# collections: namedtuple, deque (with maxlen), OrderedDict, defaultdict.
from collections import namedtuple, deque, OrderedDict, defaultdict

Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[-1], len(p), tuple(p), p == (1, 2), Point._fields)
print(p._asdict(), p._replace(y=5), Point._make([7, 8]), isinstance(p, tuple))
x, y = p
print(x + y, p.count(1), p.index(2), hash(p) == hash((1, 2)))
P3 = namedtuple("P3", "a b c")
print(P3(1, 2, 3), P3._fields, namedtuple("Q", "a, b")(b=1, a=2))
P4 = namedtuple("P4", ["a", "b"], defaults=[9])
print(P4(1), P4(1, 2))
for bad in (lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, 2, z=3), lambda: p._replace(z=1)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__)

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d.pop(), d.popleft(), list(d), 2 in d)
d.extend([5, 6])
d.extendleft([9, 8])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d, d.count(5), d.index(5))
d.remove(5)
d.reverse()
print(d)
d.clear()
print(d, bool(d))
m = deque(maxlen=3)
for i in range(5):
    m.append(i)
print(m, m.maxlen, list(m))
m.appendleft(-1)
print(m)
m.extend([10, 11])
print(m, deque("abc", 2), deque(range(3)) == deque([0, 1, 2]))
for bad in (lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1]).remove(2)):
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)

od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
print(list(od), od)
od.move_to_end("b")
print(list(od))
od.move_to_end("b", last=False)
print(list(od), od.popitem(), od.popitem(last=False), list(od))
print(OrderedDict([("x", 1)]) == OrderedDict([("x", 1)]), isinstance(od, dict))
try:
    od.move_to_end("zz")
except KeyError as e:
    print("KeyError", e)
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)

dd = defaultdict(list)
dd["a"].append(1)
dd["a"].append(2)
dd["b"]
print(sorted(dd.items()), dd.default_factory is list, "c" in dd, len(dd))
cnt = defaultdict(int)
for ch in "hello":
    cnt[ch] += 1
print(sorted(cnt.items()), dict(cnt) == {"h": 1, "e": 1, "l": 2, "o": 1})
nd = defaultdict()
try:
    nd["x"]
except KeyError as e:
    print("KeyError", e)
print(defaultdict(lambda: 7)["q"], isinstance(dd, dict), dd.get("zz"), "zz" in dd)
