# Wrong argument counts to builtins raise TypeError.
calls = (lambda: len(), lambda: len(1, 2), lambda: abs(), lambda: chr(1, 2),
         lambda: isinstance(1), lambda: divmod(1), lambda: getattr(1),
         lambda: 'a'.upper(1), lambda: [].append(), lambda: {}.get())
for c in calls:
    try:
        c()
        print('no error')
    except TypeError as e:
        print(type(e).__name__)
