# Wrong argument counts to builtin functions use CPython's wording.
for f in (lambda: len(), lambda: abs(1, 2), lambda: divmod(1), lambda: isinstance(1, 2, 3),
          lambda: getattr(1), lambda: getattr(1, 2, 3, 4), lambda: iter(), lambda: globals(1),
          lambda: sorted(), lambda: round(1, 2, 3), lambda: pow(1, 2, 3, 4), lambda: len(x=1)):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
