# Metaclass methods and attributes are reached through its classes; the class's own win.
class Meta(type):
    kind = "meta"
    shared = "from meta"

    def describe(cls):
        return cls.__name__ + " is " + cls.kind


class C(metaclass=Meta):
    shared = "from class"


class D(C):
    kind = "derived"


print(C.describe(), D.describe())
print(C.kind, C.shared, D.shared)
print(hasattr(C(), "describe"))
