# Tuples: literals, indexing, slicing, packing, unpacking, as dict keys.
t = (1, 'two', 3.5)
print(t, len(t))
print(t[0], t[-1], t[1:])
print(())
print((5,), (5))
p = 1, 2
print(p)
a, b = p
print(a, b)
print((1, 2) + (3,), (0,) * 3)
print(2 in p, 9 in p)
print((1, 2) == (1, 2), (1, 2) != (2, 1))
d = {(0, 0): 'origin'}
print(d[(0, 0)], d[0, 0])
for x, y in ((1, 2), (3, 4)):
    print(x * y)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0])
try:
    t[0] = 9
except TypeError:
    print('TypeError')
try:
    t[5]
except IndexError:
    print('IndexError')
