# Sets: literals, add/discard/remove, membership, algebra (printed sorted).
s = {3, 1, 2, 3, 1}
print(len(s), sorted(s))
s.add(5)
s.add(1)
print(sorted(s))
s.discard(2)
s.discard(99)
print(sorted(s))
s.remove(3)
try:
    s.remove(3)
except KeyError:
    print('KeyError remove')
print(1 in s, 3 in s)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b)), sorted(a.intersection(b)))
print({1, 2} <= a, {1, 9} <= a, a >= {4})
print(set(), len(set()), sorted(set('hello')))
print({1, 2} == {2, 1})
fs = frozenset([1, 2])
print(sorted(fs), 2 in fs)
print(sorted(set([3, 3, 2])))
