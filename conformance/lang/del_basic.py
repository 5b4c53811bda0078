# del on names, list items, slices, dict keys and attributes.
x = 5
del x
try:
    print(x)
except NameError:
    print('NameError after del')
l = [0, 1, 2, 3, 4]
del l[1]
print(l)
del l[-1]
print(l)
d = {'a': 1, 'b': 2}
del d['a']
print(d)
try:
    del d['zz']
except KeyError:
    print('KeyError del')
class Obj:
    pass
o = Obj()
o.attr = 1
del o.attr
print(hasattr(o, 'attr'))
a, b = 1, 2
del a, b
try:
    a
except NameError:
    print('NameError a')
def local_del():
    v = 1
    del v
    try:
        return v
    except NameError:
        return 'unbound local'
print(local_del())
