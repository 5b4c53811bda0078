# Slice assignment and deletion on lists.
l = list(range(10))
l[2:5] = ['a', 'b']
print(l)
l[:2] = []
print(l)
l[len(l):] = [100, 101]
print(l)
l[::2] = [0] * len(l[::2])
print(l)
l[1:1] = ['inserted']
print(l)
del l[0:3]
print(l)
del l[::2]
print(l)
m = [1, 2, 3]
m[:] = 'xyz'
print(m)
try:
    m[::2] = [1, 2, 3]
except ValueError:
    print('ValueError extended slice size')
