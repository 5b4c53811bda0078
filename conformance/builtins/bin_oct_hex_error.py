# bin/oct/hex reject non-integers.
for f in (bin, oct, hex):
    for v in (1.5, '3', None):
        try:
            f(v)
        except TypeError as e:
            print(f.__name__, type(e).__name__)
