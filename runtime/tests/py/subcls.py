class Stack(list):
    def push(self, v):
        self.append(v)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek(), s[0], isinstance(s, list), sum(s), sorted(s, reverse=True), list(s), 2 in s)
s.label = "x"
print(s.label, type(s).__name__, s + [9], [x * 2 for x in s])
class Counter(dict):
    def __missing__(self, key):
        return 0
    def incr(self, k):
        self[k] = self[k] + 1
c = Counter()
for w in "abcab":
    c.incr(w)
print(c, c["zz"], len(c), sorted(c.items()), isinstance(c, dict))
class Named(dict):
    def __init__(self, name, **kw):
        super().__init__(**kw)
        self.name = name
n = Named("cfg", a=1, b=2)
print(n, n.name, n["a"], list(n.keys()))
class Tags(set):
    pass
t = Tags([3, 1, 3])
t.add(2)
print(sorted(t), len(t), 1 in t)
class L2(list):
    def __init__(self, *a):
        super().__init__(a)
print(L2(5, 6, 7), L2())
class Rep(list):
    def __repr__(self):
        return "Rep" + super().__repr__()
print(Rep([1]), str(Rep([2])))
