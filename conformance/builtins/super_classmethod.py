# super() inside classmethods and __init__ chains.
class A:
    @classmethod
    def make(cls):
        return 'A.make:' + cls.__name__
    def __init__(self, v):
        self.v = v
class B(A):
    @classmethod
    def make(cls):
        return 'B+' + super().make()
    def __init__(self):
        super().__init__(7)
print(B.make(), B().v)
try:
    super()
except RuntimeError as e:
    print(type(e).__name__)
