# dir() on a user class and instance, filtered to non-dunder names.
class A:
    x = 1
    def m(self):
        pass
class B(A):
    y = 2
o = B()
o.z = 3
print(sorted(n for n in dir(B) if '__' not in n))
print(sorted(n for n in dir(o) if '__' not in n))
print(type(dir(o)).__name__)
