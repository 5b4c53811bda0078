# super() zero-arg and two-arg forms, and in a diamond (MRO).
class A:
    def who(self):
        return ['A']
class B(A):
    def who(self):
        return ['B'] + super().who()
class C(A):
    def who(self):
        return ['C'] + super().who()
class D(B, C):
    def who(self):
        return ['D'] + super(D, self).who()
print(D().who())
print([k.__name__ for k in D.__mro__])
class E(B):
    def who(self):
        return super(B, self).who()
print(E().who())
