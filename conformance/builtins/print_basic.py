# print() with sep, end, several arguments and none.
print()
print(1, 'a', None, 2.5, [1], (2,), {'k': 'v'})
print('a', 'b', sep='-')
print('a', 'b', sep='')
print('x', end='!\n')
print('no newline', end='')
print(' then this')
print(*range(4), sep=', ')
print('s', sep=None, end=None)
try:
    print(sep=1)
except TypeError as e:
    print(type(e).__name__)
