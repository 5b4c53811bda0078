class Point:
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x and self.y == other.y
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __hash__(self):
        return hash((self.x, self.y))
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    @staticmethod
    def origin():
        return Point(0, 0)
    @classmethod
    def unit(cls):
        return cls(1, 1)
    @property
    def sum(self):
        return self.x + self.y
p = Point(1, 2) + Point(3, 4)
print(p, p.norm2(), len(p), p[0], list(p), p == Point(4, 6), p != Point(0, 0), Point.count)
print(Point.origin(), Point.unit(), p.sum, {p: "v"}[Point(4, 6)], str(p))
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return f"{self.name} says {self.speak()}"
class Dog(Animal):
    def speak(self):
        return "woof"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + "!"
for a in (Animal("generic"), Dog("rex"), Puppy("bit", 1)):
    print(a.describe(), isinstance(a, Dog), type(a).__name__)
print(Puppy.__mro__ if False else [c.__name__ for c in Puppy.__mro__], issubclass(Puppy, Animal))
class Base:
    def __str__(self):
        return "Base-str"
b = Base()
print(b, str(b), repr(b).startswith("<__main__.Base object"))
class Counter:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        self.i = 0
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Counter(4)), [x * 2 for x in Counter(3)])
class Vec:
    def __init__(self, *c):
        self.c = list(c)
    def __mul__(self, k):
        return Vec(*[x * k for x in self.c])
    def __rmul__(self, k):
        return self * k
    def __lt__(self, o):
        return sum(self.c) < sum(o.c)
    def __repr__(self):
        return "Vec%r" % (tuple(self.c),)
    def __bool__(self):
        return any(self.c)
    def __contains__(self, x):
        return x in self.c
    def __call__(self, i):
        return self.c[i]
print(Vec(1, 2) * 3, 2 * Vec(1, 1), Vec(1) < Vec(2), sorted([Vec(5), Vec(1)]), bool(Vec(0)), 2 in Vec(1, 2), Vec(7, 8)(1))
class Slots:
    def __init__(self):
        self.data = {}
    def __setitem__(self, k, v):
        self.data[k] = v
    def __getitem__(self, k):
        return self.data[k]
    def __delitem__(self, k):
        del self.data[k]
s = Slots(); s["a"] = 1; s["b"] = 2; del s["a"]; print(s.data, s["b"])
class Dyn:
    def __getattr__(self, name):
        return name.upper()
print(Dyn().hello, getattr(Dyn(), "x"), hasattr(p, "x"), getattr(p, "zz", "dflt"))
setattr(p, "z", 9); print(p.z); delattr(p, "z"); print(hasattr(p, "z"))
class WithClassVar:
    items = []
    def add(self, x):
        self.items.append(x)
w1 = WithClassVar(); w2 = WithClassVar(); w1.add(1); w2.add(2); print(WithClassVar.items)
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        self._c = v * 10
t = Temp(); t.c = 3; print(t.c)
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
print(type(1), type("s"), type([]), type(None), type(Point), isinstance(True, int), type(p) is Point)
