# staticmethod receives no implicit argument.
class A:
    @staticmethod
    def add(a, b):
        return a + b
    def plain(x):
        return x * 2
    twice = staticmethod(plain)
print(A.add(1, 2), A().add(3, 4))
print(A.twice(5), A().twice(6))
print(type(A.__dict__['add']).__name__)
try:
    A().add(1)
except TypeError as e:
    print(type(e).__name__)
