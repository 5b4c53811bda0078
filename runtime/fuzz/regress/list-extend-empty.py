# sorted() with key, reverse; returns a new list; stable.
l = [3, 1, 2]
s = sorted(l)
print(s, l, s is l)
print(sorted('bca'), sorted((2, 1)), sorted({'b': 1, 'a': 2}), sorted({3, 1, 2}))
print(sorted(l, reverse=True), sorted(['Bb', 'a', 'C'], key=str.lower))
print(sorted([(1, 'b'), (0, 'z'), (1, 'a')], key=lambda p: p[0]))
print(sorted([], reverse=True), sorted(range(5, 0, -2)))
print(sorted([2.5, 1, -3]))
