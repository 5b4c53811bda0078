# Classes: __init__, attributes, methods, class attributes.
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
    def norm1(self):
        return abs(self.x) + abs(self.y)
p = Point(1, -2)
print(p.x, p.y, p.norm1())
q = p.moved(3, 3)
print(q.x, q.y, p.x)
print(Point.dims, p.dims)
p.dims = 3
print(Point.dims, p.dims)
p.extra = 'added later'
print(p.extra)
print(isinstance(p, Point), type(p) == Point, type(p).__name__)
class Empty:
    pass
e = Empty()
print(type(e).__name__)
class Counter:
    total = 0
    def __init__(self):
        Counter.total += 1
Counter()
Counter()
print(Counter.total)
m = p.norm1
print(m())
try:
    p.missing
except AttributeError:
    print('AttributeError')
