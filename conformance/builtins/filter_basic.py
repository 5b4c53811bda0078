# filter() with a function and with None.
print(list(filter(lambda x: x % 2, range(10))))
print(list(filter(None, [0, 1, '', 'a', None, [], [0]])))
print(list(filter(str.isdigit, 'a1b2c3')))
f = filter(None, [1, 2])
print(type(f).__name__, next(f), next(f))
try:
    next(f)
except StopIteration:
    print('StopIteration')
try:
    filter(None, 5)
except TypeError as e:
    print(type(e).__name__)
