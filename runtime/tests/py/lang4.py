class Base:
    registry = []
    def __init_subclass__(cls, **kw):
        pass
    @classmethod
    def create(cls, *a):
        obj = cls(*a)
        Base.registry.append(type(obj).__name__)
        return obj
    @staticmethod
    def helper(x):
        return x * 2
class Child(Base):
    def __init__(self, v=0):
        self.v = v
    @classmethod
    def create(cls, *a):
        o = super().create(*a)
        o.v += 100
        return o
c = Child.create(5)
print(c.v, Base.registry, c.helper(4), Child.helper(5))
class P:
    def __init__(self):
        self._x = 1
P.x = property(lambda self: self._x * 10)
print(P().x)
class Acc:
    def __init__(self):
        self.__dict__["data"] = {}
    def __getattr__(self, name):
        return self.data.get(name, "?")
    def __setattr__(self, name, value):
        self.data[name] = value
a = Acc()
a.k = 5
print(a.k, a.zz, "k" in a.data)
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, Key) and o.k == self.k
    def __hash__(self):
        return hash(self.k)
    def __repr__(self):
        return "Key(%r)" % (self.k,)
s = {Key(1), Key(1), Key(2)}
print(len(s), Key(1) in s, {Key("a"): 1}[Key("a")])
def outer():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return add
    add(1)(2)(3)
    return total
print(outer())
def fact(n, _memo={}):
    if n in _memo:
        return _memo[n]
    r = 1 if n < 2 else n * fact(n - 1)
    _memo[n] = r
    return r
print(fact(30), len(fact.__defaults__[0]))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)], [x for row in matrix for x in row if x % 2])
print(sorted([("b", 2), ("a", 2), ("c", 1)], key=lambda t: (t[1], t[0])))
def g():
    try:
        yield 1
        raise ValueError("in gen")
    except ValueError as e:
        yield str(e)
print(list(g()))
it = iter(range(3))
print(next(it), list(it), list(it))
x = 5
def shadow():
    x = 1
    def inner():
        return x
    return inner()
print(shadow(), x)
print(type(Child.create), type(c.helper).__name__, callable(Child))
class Meta:
    count = 0
    def __init__(self):
        Meta.count += 1
        self.count = Meta.count * 10
m1, m2 = Meta(), Meta()
print(Meta.count, m1.count, m2.count)
print(getattr(c, "missing", None), hasattr(Child, "create"), isinstance(c, (int, Base)))
try:
    Child.nope
except AttributeError as e:
    print(e)
try:
    c.nope()
except AttributeError as e:
    print(e)
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        return self
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
v = Vec(3, 4)
w = v
v += Vec(1, 1)
print(v, w, -v, abs(Vec(3, 4)), v is w)
