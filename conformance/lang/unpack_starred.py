# Starred assignment targets and starred items in displays.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = 'abcd'
print(init, last)
a, *mid, z = range(5)
print(a, mid, z)
x, *empty = [9]
print(x, empty)
print([*range(3), *'ab'])
print((*[1, 2], 3))
d1 = {'a': 1}
print({**d1, 'b': 2})
for head, *tail in [(1, 2, 3), (4,)]:
    print(head, tail)
try:
    p, q, *r = [1]
except ValueError:
    print('ValueError')
