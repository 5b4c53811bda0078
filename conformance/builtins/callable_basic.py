# callable() on functions, classes, instances and plain values.
def f():
    pass
class C:
    pass
class D:
    def __call__(self):
        return 1
print(callable(f), callable(C), callable(C()), callable(D()))
print(callable(len), callable(print), callable(lambda: 0))
print(callable(1), callable('x'), callable(None), callable([]))
print(callable(str.upper), callable('a'.upper), callable(int))
try:
    callable()
except TypeError as e:
    print(type(e).__name__)
