# Exception chaining: __context__, __cause__, raise from, raise from None.
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('while handling')
except ValueError as e:
    print(type(e.__context__).__name__, e.__cause__)
try:
    try:
        {}['k']
    except KeyError as inner:
        raise RuntimeError('wrapped') from inner
except RuntimeError as e:
    print(type(e.__cause__).__name__, e.__cause__.args)
try:
    try:
        raise IndexError
    except IndexError:
        raise TypeError('hidden') from None
except TypeError as e:
    print(e.__cause__, e.__suppress_context__)
e = ValueError('plain')
print(e.__cause__, e.__context__)
