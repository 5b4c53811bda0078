# set algebra by operator and method.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b)), sorted(a.difference(b)))
print(sorted(a.symmetric_difference(b)))
print(a.issubset({1, 2, 3, 4, 5}), a.issuperset({1}), a.isdisjoint({7}))
print({1} < {1, 2}, {1, 2} <= {1, 2}, {1, 2} > {1, 2}, {1, 2} >= {2})
c = set(a)
c |= {10}
c &= {1, 10}
print(sorted(c))
c ^= {1, 11}
c -= {10}
print(sorted(c))
try:
    a | [1]
except TypeError as e:
    print(type(e).__name__)
