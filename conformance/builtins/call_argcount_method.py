# Wrong argument counts to methods and constructors.
class C:
    def __init__(self, a):
        self.a = a
    def m(self, x):
        return x
for c in (lambda: C(), lambda: C(1, 2), lambda: C(1).m(), lambda: C(1).m(1, 2), lambda: C.m(1)):
    try:
        c()
        print('no error')
    except TypeError as e:
        print(type(e).__name__)
print(C(4).m(5), C.m(None, 6))
