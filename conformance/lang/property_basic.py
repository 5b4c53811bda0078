# property, staticmethod and classmethod.
class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        if v < -273:
            raise ValueError('too cold')
        self._c = v
    @property
    def doubled(self):
        return self._c * 2
    @staticmethod
    def unit():
        return 'celsius'
    @classmethod
    def zero(cls):
        return cls(0)
t = Temp(20)
print(t.c, t.doubled)
t.c = 30
print(t.c, t.doubled)
try:
    t.c = -300
except ValueError as e:
    print('ValueError', e)
try:
    t.doubled = 1
except AttributeError:
    print('AttributeError read-only')
print(Temp.unit(), t.unit())
z = Temp.zero()
print(type(z).__name__, z.c)
