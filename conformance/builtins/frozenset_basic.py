# frozenset: construction, hashing, algebra returns frozenset.
f = frozenset([3, 1, 2, 3])
print(sorted(f), len(f), 2 in f, frozenset() == frozenset([]))
print(type(f | {9}).__name__, sorted(f | {9}), sorted(f & {1, 5}), sorted(f - {1}))
d = {f: 'key'}
print(d[frozenset([1, 2, 3])])
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(f == {1, 2, 3}, frozenset('ab') <= frozenset('abc'))
try:
    f.add(4)
except AttributeError as e:
    print(type(e).__name__)
print(sorted(frozenset('hello')))
