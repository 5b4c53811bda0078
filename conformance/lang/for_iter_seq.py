# for over lists, strings, tuples and dicts (dict order is insertion order).
for x in [3, 1, 2]:
    print(x)
for ch in 'abc':
    print(ch)
for t in (1, 'two', None):
    print(t)
d = {'one': 1, 'two': 2, 'three': 3}
for key in d:
    print(key, d[key])
for key, val in d.items():
    print(key, val)
for v in d.values():
    print(v)
for a, b in [(1, 2), (3, 4)]:
    print(a + b)
for x in []:
    print('never')
