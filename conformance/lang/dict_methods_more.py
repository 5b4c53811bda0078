# dict methods beyond the first cut: setdefault popitem copy clear fromkeys del.
d = {'a': 1}
print(d.setdefault('a', 9), d.setdefault('b', 2), d)
c = d.copy()
c['c'] = 3
print(d, c)
print(c.popitem(), c)
print(dict.fromkeys(['x', 'y'], 0))
print(dict([('k', 1), ('j', 2)]), dict(a=1, b=2))
d.update(z=26)
print(d)
del d['a']
print(d)
d.clear()
print(d, len(d))
try:
    {}.popitem()
except KeyError:
    print('KeyError popitem')
