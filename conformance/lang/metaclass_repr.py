# A metaclass's __repr__ and __str__ render its classes.
class Meta(type):
    def __repr__(cls):
        return "<Meta " + cls.__name__ + ">"


class Named(type):
    def __str__(cls):
        return "Named " + cls.__name__


class A(metaclass=Meta):
    pass


class B(metaclass=Named):
    pass


print(A, repr(A), [A])
print(B, str(B), repr(B) == "<class '__main__.B'>")
