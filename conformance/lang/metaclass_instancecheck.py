# __instancecheck__ and __subclasscheck__ on a metaclass decide isinstance/issubclass.
class Quacks(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "quack")

    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")


class Duck(metaclass=Quacks):
    pass


class Bird:
    quack = True


class Rock:
    pass


print(isinstance(Bird(), Duck), isinstance(Rock(), Duck), isinstance(3, (str, Duck)))
print(issubclass(Bird, Duck), issubclass(Rock, Duck))
