# dict equality ignores order; iteration keeps insertion order.
a = {'x': 1, 'y': 2}
b = {'y': 2, 'x': 1}
print(a == b, a != b, a == {'x': 1}, {} == {})
d = {}
for k in 'dcab':
    d[k] = ord(k)
print(list(d))
d['c'] = 0
print(list(d))
del d['d']
d['d'] = 1
print(list(d))
try:
    a < b
except TypeError as e:
    print(type(e).__name__)
