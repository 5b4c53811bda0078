# list methods beyond the first cut: remove index count extend clear copy.
l = [3, 1, 3, 2]
print(l.index(3), l.index(2), l.count(3), l.count(99))
print(l.index(3, 1))
l.remove(3)
print(l)
l.extend([7, 8])
l.extend('ab')
l.extend((9,))
print(l)
c = l.copy()
c.clear()
print(l, c)
try:
    [1, 2].index(5)
except ValueError:
    print('ValueError index')
try:
    [1, 2].remove(5)
except ValueError:
    print('ValueError remove')
print(list('abc'), list((1, 2)))
