# Messages that are stable across implementations: print str(e).
try:
    1 / 0
except ZeroDivisionError as e:
    print(str(e))
try:
    [1, 2, 3][10]
except IndexError as e:
    print(e)
try:
    int('x')
except ValueError as e:
    print(e)
try:
    {'a': 1}['b']
except KeyError as e:
    print(e, e.args)
try:
    raise ValueError('custom text')
except ValueError as e:
    print(e)
try:
    raise RuntimeError('two', 'args')
except RuntimeError as e:
    print(e)
try:
    raise TypeError()
except TypeError as e:
    print('[' + str(e) + ']', e.args)
