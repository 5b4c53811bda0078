# dict methods: get, setdefault, pop, popitem, update, copy, fromkeys, clear.
d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 0))
print(d.setdefault('c', 3), d.setdefault('a', 9), d)
print(d.pop('b'), d.pop('zz', 'none'), d)
print(d.popitem(), d)
d.update({'x': 1}, y=2)
d.update([('z', 3)])
print(d)
e = d.copy()
e['x'] = 100
print(d['x'], e['x'])
print(dict.fromkeys('ab'), dict.fromkeys([1, 2], 0))
d.clear()
print(d)
