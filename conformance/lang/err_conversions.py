# ValueError and TypeError messages of int(), float() and friends.
cases = [lambda: int('abc'), lambda: int('12', 1), lambda: int('z', 36) + int('zz', 2), lambda: float('x1'),
         lambda: int(None), lambda: float([]), lambda: chr(-1), lambda: ord('ab'), lambda: int('1_'),
         lambda: complex if False else int(' '), lambda: bytes('x'), lambda: list(5)]
for c in cases:
    try:
        print(c())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
