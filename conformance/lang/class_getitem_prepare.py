# Metaclass __prepare__ and __getitem__, and __class_getitem__ on classes.
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        print("prepare", mcs.__name__, name, bases)
        return {"injected": 1}
    def __getitem__(cls, key):
        return cls.__name__ + "[" + str(key) + "]"
class C(metaclass=Meta):
    x = 2
print(C.injected, C.x, C["k"], C[1, 2])
class G:
    def __class_getitem__(cls, item):
        return f"{cls.__name__} of {item.__name__}"
print(G[int])
class Sub(G): pass
print(Sub[str])
try:
    int[0] = 1
except TypeError as e:
    print(e)
