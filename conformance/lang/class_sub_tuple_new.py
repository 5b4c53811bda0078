# A subclass of tuple with __new__ calling super().__new__.
class T(tuple):
    def __new__(cls, *items):
        return super().__new__(cls, items)
    def __repr__(self):
        return 'T' + tuple.__repr__(self)
t = T(1, 2)
print(t, len(t), t[0], t + (3,), list(t), t == (1, 2), hash(t) == hash((1, 2)))
x, y = t
print(x, y)
