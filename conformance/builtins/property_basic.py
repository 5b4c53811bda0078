# property with getter, setter, deleter and docstring-free use.
class C:
    def __init__(self):
        self._x = 1
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        self._x = v * 2
    @x.deleter
    def x(self):
        print('deleting')
        self._x = None
c = C()
print(c.x)
c.x = 5
print(c.x)
del c.x
print(c.x, type(C.__dict__['x']).__name__)
