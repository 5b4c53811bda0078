from collections import namedtuple, deque, OrderedDict
P = namedtuple("P", "x y")
p = P(1, y=2)
print(p, p.x, p[1], len(p), p == (1, 2), tuple(p), list(p), p._asdict(), p._replace(x=5))
a, b = p
print(a + b, isinstance(p, tuple), P._fields if hasattr(P, "_fields") else ("x", "y"))
Q = namedtuple("Q", ["name", "age"])
people = sorted([Q("bo", 30), Q("al", 25)], key=lambda q: q.age)
print(people[0].name, people)
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, d.pop(), d.popleft(), len(d), list(d), 2 in d)
m = deque(maxlen=3)
for i in range(5):
    m.append(i)
print(m, list(m))
od = OrderedDict()
od["b"] = 1; od["a"] = 2
print(list(od.items()))
