# range with positive and negative steps, indexing, containment.
print(list(range(5)), list(range(2, 5)), list(range(0, 10, 3)))
print(list(range(5, 0, -1)), list(range(10, 0, -3)), list(range(3, 3)), list(range(5, 1)))
r = range(1, 20, 4)
print(r, len(r), r[0], r[-1], r[2], 9 in r, 10 in r)
print(range(0, 3) == range(0, 3), range(0) == range(5, 5), range(0, 4, 2) == range(0, 3, 2))
print(repr(range(0, -5, -2)))
