# max() and min() over arguments and iterables.
print(max(1, 5, 3), min(1, 5, 3), max([4, 9, 2]), min('hello'))
print(max(2.5, 2), min(-1, -1.5), max((1, 2), (1, 3)), min(['b', 'a']))
print(max(range(10)), min({3: 0, 1: 0}), max('a', 'b', 'c'))
print(max([1, 3, 2], default=0), max([], default='empty'), min((), default=None))
