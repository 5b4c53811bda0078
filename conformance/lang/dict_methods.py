# keys values items update pop, and iterating them.
d = {'x': 1, 'y': 2, 'z': 3}
print(d.keys())
print(d.values())
print(d.items())
for k in d.keys():
    print(k)
for v in d.values():
    print(v)
for k, v in d.items():
    print(k, v)
d.update({'y': 20, 'w': 4})
print(d)
print(d.pop('x'), d)
print(d.pop('missing', 'default'))
try:
    d.pop('missing')
except KeyError:
    print('KeyError pop')
print(sorted(d.keys()), sum(d.values()))
print(len(d.items()))
print('w' in d.keys())
