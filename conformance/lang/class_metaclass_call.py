# A metaclass __call__ runs when the class is called; super().__call__ makes the instance.
class Meta(type):
    def __call__(cls, *a, **kw):
        print('creating', cls.__name__, a)
        obj = super().__call__(*a, **kw)
        obj.tagged = True
        return obj
class K(metaclass=Meta):
    def __init__(self, x):
        self.x = x
k = K(5)
print(k.x, k.tagged, type(k).__name__)
class Single(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class S(metaclass=Single):
    pass
print(S() is S())
