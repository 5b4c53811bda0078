# metaclass=: the metaclass __init__ runs for each class; its methods apply to the classes.
class Meta(type):
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        cls.made_by = 'Meta'
    def hello(cls):
        return 'hello from ' + cls.__name__
class A(metaclass=Meta):
    pass
class B(A):
    pass
print(A.made_by, B.made_by, A.hello(), B.hello(), type(B).__name__)
