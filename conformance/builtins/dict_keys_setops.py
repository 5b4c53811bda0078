# dict keys views support set operators against sets.
d = {'a': 1, 'b': 2, 'c': 3, 'd': 4}
k = d.keys()
print(sorted(k & {'a', 'z'}), sorted(k | {'z'}), sorted(k - {'a', 'b'}))
print(sorted(k ^ {'a', 'q'}))
print(sorted(d.items() & {('a', 1), ('b', 0)}))
