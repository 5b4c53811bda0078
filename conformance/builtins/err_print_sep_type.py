# print() with a sep or end that is not a str names the argument.
for kw in ({'sep': 1}, {'end': 2.5}, {'sep': b'x'}):
    try:
        print('a', 'b', **kw)
    except TypeError as e:
        print(type(e).__name__, e)
print('a', 'b', sep=None, end=None)
