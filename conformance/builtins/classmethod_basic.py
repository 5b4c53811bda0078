# classmethod receives the class, also through instances and subclasses.
class A:
    n = 1
    @classmethod
    def make(cls, v):
        return cls.__name__, v, cls.n
class B(A):
    n = 2
print(A.make(5), A().make(6))
print(B.make(7), B().make(8))
class C:
    def f(cls):
        return cls.__name__
    g = classmethod(f)
print(C.g(), C().g())
print(type(A.__dict__['make']).__name__)
