# repr() of builtin values, including string quoting and escapes.
print(repr(1), repr(-2), repr(2 ** 70), repr(1.5), repr(True), repr(None))
print(repr('a'), repr("it's"), repr('say "hi"'), repr('both \' "'))
print(repr('\n\t\\'), repr('\x00\x7f'), repr('\u00e9'))
print(repr([1, 'a']), repr((1,)), repr(()), repr({'a': 1}), repr(set()), repr({5}))
print(repr(bytes([97, 0, 255])), repr(frozenset()))
print(repr(range(3)), repr(slice(1, 2)), repr(...), repr(NotImplemented))
print(repr(int), repr(str), repr(ValueError))
