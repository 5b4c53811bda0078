class A:
    x = 1
    def __init__(self, v): self.v = v
    def __add__(self, o): return A(self.v + o.v)
    def __repr__(self): return 'A(%r)' % self.v
    @property
    def p(self): return self.v * 2
class B(A):
    def __init__(self, v):
        super().__init__(v)
def gen(n):
    yield from range(n)
    return n
print(A(1) + B(2), B(3).p, list(gen(3)), sorted({3: 1, 1: 2}.items(), key=lambda t: t[1]))
