# getattr() with and without a default.
class C:
    k = 'class'
    def __init__(self):
        self.v = 10
o = C()
print(getattr(o, 'v'), getattr(o, 'k'), getattr(o, 'zz', 'dflt'))
print(getattr('abc', 'upper')())
print(getattr(C, 'k'), getattr(o, 'missing', None))
try:
    getattr(o, 'missing')
except AttributeError as e:
    print(type(e).__name__)
try:
    getattr(o, 3)
except TypeError as e:
    print(type(e).__name__)
