# eval() with separate globals and locals mappings.
print(eval('a + b', {'a': 1}, {'b': 2}))
print(eval('a', {'a': 1}, {'a': 5}))
