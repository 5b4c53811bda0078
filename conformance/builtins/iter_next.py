# iter() and next() with default, over several types.
it = iter([1, 2])
print(next(it), next(it), next(it, 'end'))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__)
print(list(iter('ab')), list(iter({'k': 1})), list(iter((3,))))
i = iter(range(3))
print(iter(i) is i)
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__)
try:
    next([1])
except TypeError as e:
    print(type(e).__name__)
