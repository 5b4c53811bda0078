# dict literal, subscript get/set, in, len, get with default.
d = {'a': 1, 'b': 2}
print(d)
print(d['a'], d['b'])
d['c'] = 3
d['a'] = 10
print(d)
print(len(d), len({}))
print('a' in d, 'z' in d, 'z' not in d)
print(d.get('b'), d.get('z'), d.get('z', 'default'))
n = {1: 'one', 2: 'two', (1, 2): 'tuple key', None: 'none'}
print(n[1], n[(1, 2)], n[None])
print(n)
nested = {'inner': {'x': [1, 2]}}
nested['inner']['x'].append(3)
print(nested)
e = {}
e[2 ** 70] = 'big'
print(e[2 ** 70])
print({1: 'a'} == {1: 'a'}, {1: 'a'} == {1: 'b'})
try:
    d['missing']
except KeyError as err:
    print('KeyError', err.args)
print(d)
