# __new__ on plain classes: super().__new__(cls), object.__new__, and a
# __new__ returning another type skips __init__.
class A:
    def __new__(cls, *args):
        print('new', cls.__name__, args)
        o = super().__new__(cls)
        o.made = True
        return o

    def __init__(self, v):
        print('init', v)
        self.v = v


a = A(5)
print(a.made, a.v)


class Singleton:
    _inst = None

    def __new__(cls):
        if cls._inst is None:
            cls._inst = object.__new__(cls)
        return cls._inst


print(Singleton() is Singleton())


class Other:
    def __new__(cls):
        return 42

    def __init__(self):
        print('never')


print(Other())
print(type(object.__new__(A)).__name__)
