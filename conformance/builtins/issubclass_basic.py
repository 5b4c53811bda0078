# issubclass() over a class hierarchy, tuples, and errors.
class A:
    pass
class B(A):
    pass
class C(B):
    pass
class D:
    pass
class E(C, D):
    pass
print(issubclass(C, A), issubclass(A, C), issubclass(A, A))
print(issubclass(E, D), issubclass(E, (int, A)), issubclass(D, (A, B)))
print(issubclass(bool, int), issubclass(int, object), issubclass(KeyError, LookupError))
print(issubclass(E, object), issubclass(type, object))
try:
    issubclass(A(), A)
except TypeError as e:
    print(type(e).__name__)
try:
    issubclass(A, 1)
except TypeError as e:
    print(type(e).__name__)
