# type(name, bases, dict) builds a class.
def m(self):
    return 'm on ' + type(self).__name__
Base = type('Base', (), {'x': 1, 'm': m})
Sub = type('Sub', (Base,), {'y': 2})
s = Sub()
print(Base.__name__, Sub.__name__, s.x, s.y, s.m(), isinstance(s, Base))
try:
    type('X', 1, {})
except TypeError as e:
    print(type(e).__name__)
try:
    type(1, 2)
except TypeError as e:
    print(type(e).__name__)
