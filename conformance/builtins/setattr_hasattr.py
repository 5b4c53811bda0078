# setattr() and hasattr() on instances and classes.
class C:
    pass
o = C()
setattr(o, 'x', 5)
print(o.x, hasattr(o, 'x'), hasattr(o, 'y'))
setattr(C, 'y', 7)
print(o.y, hasattr(o, 'y'))
print(hasattr('s', 'join'), hasattr(1, 'nope'))
try:
    setattr(1, 'x', 2)
except AttributeError as e:
    print(type(e).__name__)
try:
    setattr(o, 1, 2)
except TypeError as e:
    print(type(e).__name__)
class G:
    def __getattr__(self, n):
        raise AttributeError(n)
print(hasattr(G(), 'q'))
