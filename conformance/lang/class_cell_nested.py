# The __class__ cell: super() and __class__ inside methods, nested functions
# and comprehensions of methods.
class Base:
    def who(self):
        return 'Base'


class Child(Base):
    def who(self):
        return 'Child>' + super().who()

    def cls_name(self):
        def inner():
            return __class__.__name__
        return inner()

    def many(self):
        return [super(Child, self).who() for _ in range(2)]


c = Child()
print(c.who(), c.cls_name(), c.many())


class GrandChild(Child):
    def who(self):
        return 'Grand>' + super().who()


print(GrandChild().who())
