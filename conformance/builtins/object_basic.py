# object(): bare instances, no attributes, equality by identity.
o = object()
p = object()
print(type(o).__name__, o == o, o == p, o != p, o is o)
try:
    o.x = 1
except AttributeError as e:
    print(type(e).__name__)
print(isinstance(o, object), type(o) is object, object.__name__)
print(str(o) == repr(o))
try:
    object(1)
except TypeError as e:
    print(type(e).__name__)
class C(object):
    pass
print(C.__bases__ == (object,), C.__name__)
