# divmod() of builtin values that are not numbers names divmod().
for a, b in (('a', 1), (1, 'a'), ([], []), (None, 2), ('%s', (1,))):
    try:
        divmod(a, b)
    except TypeError as e:
        print(type(e).__name__, e)
print(divmod(True, 2), divmod(7.5, 2), divmod(-7, 2), divmod(10**20, 7))
