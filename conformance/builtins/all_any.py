# all() and any() over various iterables, including empty ones.
print(all([]), any([]))
print(all([1, 2, 3]), all([1, 0, 3]))
print(any([0, 0, 1]), any([0, '', None]))
print(all('abc'), any(''))
print(all(x > 0 for x in range(1, 5)), any(x > 3 for x in range(3)))
print(all({1: 0}), any({0: 1}))
