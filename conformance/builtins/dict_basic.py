# dict() constructor forms and basic access.
print(dict(), dict(a=1, b=2), dict([('x', 1), ('y', 2)]))
print(dict({'k': 1}, m=2), dict(zip('ab', (1, 2))))
d = {'a': 1}
d['b'] = 2
print(d, len(d), 'a' in d, 'z' in d, d['b'])
del d['a']
print(d)
print({1: 'one', 2.5: 'f', (1, 2): 't', None: 'n'}[(1, 2)])
try:
    d['zz']
except KeyError as e:
    print(type(e).__name__, e)
