# super() in __init__ and in ordinary methods.
class Base:
    def __init__(self, v):
        self.v = v
        print('Base init', v)
    def describe(self):
        return 'base(%d)' % self.v
class Child(Base):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w
        print('Child init', w)
    def describe(self):
        return 'child[' + super().describe() + ', %d]' % self.w
class Grand(Child):
    def describe(self):
        return 'grand{' + super().describe() + '}'
c = Child(1, 2)
print(c.describe())
g = Grand(3, 4)
print(g.describe())
class Err(Exception):
    def __init__(self, code):
        super().__init__('code', code)
        self.code = code
try:
    raise Err(42)
except Err as e:
    print(e.code, e.args)
