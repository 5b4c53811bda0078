# dict views: keys, values, items; they are live.
d = {'a': 1, 'b': 2, 'c': 3}
k = d.keys()
v = d.values()
it = d.items()
print(list(k), list(v), list(it))
d['d'] = 4
print(len(k), len(v), len(it), 'd' in k, ('d', 4) in it, 4 in v)
print(type(k).__name__, type(v).__name__, type(it).__name__)
for key, val in d.items():
    print(key, val)
