# Special methods: __str__ __repr__ __eq__ __lt__ __add__ __len__ __getitem__.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return 'Vec(%d, %d)' % (self.x, self.y)
    def __str__(self):
        return '<%d,%d>' % (self.x, self.y)
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __eq__(self, other):
        return self.x == other.x and self.y == other.y
    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __bool__(self):
        return self.x != 0 or self.y != 0
    def __call__(self, v):
        return v * self.x
a = Vec(1, 2)
b = Vec(3, 4)
print(a + b)
print(repr(a * 3), [a, b])
print(a == Vec(1, 2), a == b, a != b)
print(a < b, sorted([b, a]))
print(len(a), a[0], a[1])
print(bool(Vec(0, 0)), bool(a))
print(a(10))
x, y = b
print(x, y)
print(str(a), '%s' % b)
