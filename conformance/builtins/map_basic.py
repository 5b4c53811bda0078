# map() with one and several iterables (stops at the shortest).
print(list(map(abs, [-1, 2, -3])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(map(str, range(3))), list(map(len, ['', 'ab'])))
m = map(int, '123')
print(type(m).__name__, next(m), list(m))
try:
    map(abs)
except TypeError as e:
    print(type(e).__name__)
try:
    list(map(abs, 'x'))
except TypeError as e:
    print(type(e).__name__)
