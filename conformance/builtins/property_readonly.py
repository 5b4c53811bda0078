# A property without a setter is read-only; property() as a call.
class C:
    def get(self):
        return 42
    val = property(get)
c = C()
print(c.val)
try:
    c.val = 1
except AttributeError as e:
    print(type(e).__name__)
try:
    del c.val
except AttributeError as e:
    print(type(e).__name__)
print(C.val.fget is C.get, C.val.fset)
