# replace with count, join, and multiplication.
print('aaa'.replace('a', 'b'), 'aaa'.replace('a', 'b', 2), 'abc'.replace('', '-'))
print(', '.join(['x', 'y']), ''.join([]), '-'.join('abc'), '-'.join(('1',)))
print('ab' * 3, 0 * 'x' + '|', 'x' * -1 + '|')
try:
    ','.join(['a', 1])
except TypeError as e:
    print(type(e).__name__)
