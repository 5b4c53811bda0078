# Wrong argument counts to methods of builtin types: the type is named for
# one- and no-argument methods, and self is not counted.
for f in (lambda: [].append(), lambda: [].append(1, 2), lambda: ().count(), lambda: [].copy(1),
          lambda: {}.keys(1), lambda: set().add(), lambda: 'a'.upper(1), lambda: 'a'.join(),
          lambda: [].insert(1), lambda: {}.get(), lambda: {}.get(1, 2, 3), lambda: [].pop(1, 2),
          lambda: (1).bit_length(1), lambda: 'a'.split(1, 2, 3), lambda: [].append(x=1)):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
