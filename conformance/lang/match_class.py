# Class patterns: __match_args__, keyword sub-patterns, subclasses, builtins
# that match themselves (int(n), str(s)), named tuples.
from collections import namedtuple


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


def where(p):
    match p:
        case Point3(0, 0, 0):
            return "origin3"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return "on y axis at %d" % yy
        case Point(xx, 0):
            return "on x axis at %d" % xx
        case Point3(z=zz) if zz > 5:
            return "high %d" % zz
        case Point(x, y) if x == y:
            return "diagonal %d" % x
        case Point(w=w):
            return "never: no attribute w"
        case Point():
            return "somewhere"
        case int(n) | float(n):
            return "a number %r" % n
        case str(s):
            return "a string %r" % s
        case _:
            return "not a point"


for p in [Point(0, 0), Point3(0, 0, 0), Point(0, 5), Point(4, 0), Point3(1, 2, 9), Point(3, 3), Point(1, 2), 5, 2.5,
          "s", None]:
    print(where(p))
Pair = namedtuple("Pair", "a b")
match Pair(1, 2):
    case Pair(a=1, b=bb):
        print("namedtuple keyword", bb)
match Pair(1, 2):
    case (1, b):
        print("namedtuple as a sequence", b)
