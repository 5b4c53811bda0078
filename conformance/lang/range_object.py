# range as an object: len, indexing, membership, list(), enumerate, zip.
print(len(range(10)), len(range(0, 10, 3)), len(range(10, 0, -1)))
print(len(range(5, 0)))
print(list(range(3)), list(range(6, 0, -2)))
print(range(10)[2], range(10)[-1], range(1, 10, 2)[2])
print(3 in range(5), 5 in range(5), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print(range(3) == range(0, 3))
print(repr(range(2, 8)), repr(range(0, 9, 3)))
for i, ch in enumerate('xyz'):
    print(i, ch)
for i, ch in enumerate('ab', 10):
    print(i, ch)
for a, b in zip([1, 2, 3], 'abcd'):
    print(a, b)
print(list(reversed(range(4))))
print(sum(range(1, 11)))
