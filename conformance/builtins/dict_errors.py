# dict errors: missing keys, unhashable keys, empty popitem, bad constructor.
d = {}
try:
    d.pop('x')
except KeyError as e:
    print(type(e).__name__, e)
try:
    d.popitem()
except KeyError as e:
    print(type(e).__name__)
try:
    d[[1]] = 2
except TypeError as e:
    print(type(e).__name__)
try:
    dict([1, 2])
except TypeError as e:
    print(type(e).__name__)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print(type(e).__name__)
