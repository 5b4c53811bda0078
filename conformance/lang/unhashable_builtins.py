# Mutable builtins and their subclasses are unhashable; their __hash__ is None.
print([].__hash__, {}.__hash__ is None, (1).__hash__(), "a".__hash__() == hash("a"))
class L(list): pass
print(L.__hash__)
try:
    hash(L())
except TypeError as e:
    print(e)
