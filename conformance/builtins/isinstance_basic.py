# isinstance() with single types, tuples of types and nested tuples.
print(isinstance(1, int), isinstance(1, str), isinstance('s', (int, str)))
print(isinstance(1.5, (int, (str, float))), isinstance([], (tuple, dict)))
print(isinstance(True, int), isinstance(None, type(None)), isinstance(int, type))
class A:
    pass
class B(A):
    pass
print(isinstance(B(), A), isinstance(A(), B), isinstance(B(), (int, A)))
print(isinstance(A, type), isinstance(A(), object), isinstance(3, object))
print(isinstance(1, ()))
try:
    isinstance(1, 2)
except TypeError as e:
    print(type(e).__name__)
