# enumerate() with default and explicit start, over several iterables.
print(list(enumerate('abc')))
print(list(enumerate([10, 20], 1)), list(enumerate([5], start=-1)))
print(list(enumerate(())))
e = enumerate(range(3))
print(next(e), next(e))
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
try:
    enumerate(5)
except TypeError as e:
    print(type(e).__name__)
