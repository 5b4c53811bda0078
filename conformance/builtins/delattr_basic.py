# delattr() removes instance attributes; missing ones raise AttributeError.
class C:
    pass
o = C()
o.a = 1
o.b = 2
delattr(o, 'a')
print(hasattr(o, 'a'), hasattr(o, 'b'))
try:
    delattr(o, 'a')
except AttributeError as e:
    print(type(e).__name__)
try:
    delattr(o, 5)
except TypeError as e:
    print(type(e).__name__)
C.x = 3
delattr(C, 'x')
print(hasattr(C, 'x'))
