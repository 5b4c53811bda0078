# A class made by a metaclass is an instance of it: isinstance, type(), __class__.
class Meta(type):
    pass


class C(metaclass=Meta):
    pass


class D(C):
    pass


print(isinstance(C, Meta), isinstance(D, Meta), isinstance(C, type))
print(type(C) is Meta, type(D) is Meta, C.__class__ is Meta)
print(issubclass(Meta, type), isinstance(C(), Meta), isinstance(int, Meta))
X = Meta("X", (), {"a": 1})
print(type(X) is Meta, isinstance(X, Meta), X.a)
print(isinstance(type("Y", (), {}), Meta))
