# X | Y of types makes a union that isinstance and issubclass accept.
class A:
    pass


u = int | str
print(u, int | None, int | str | None, int | int, A | int, (int | str) == (str | int))
print(isinstance(3, u), isinstance(3.5, u), isinstance(None, int | None), issubclass(bool, int | float))
print(u.__args__, isinstance(A(), (float, A | int)))
