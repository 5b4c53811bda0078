# Indexing a str with a non-integer: CPython's str has its own wording.
for f in (lambda: 'abc'[1.5], lambda: 'abc'[None], lambda: [1][None], lambda: b'a'[None]):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
