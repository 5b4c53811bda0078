# type() and isinstance() on built-in values.
print(type(1), type('s'), type([]), type({}), type(()), type(None))
print(type(True), type(1.5), type(2 ** 70))
print(type(1) == int, type('a') == str, type([]) == list)
print(type(True) == bool, type(True) == int)
print(isinstance(1, int), isinstance('a', int), isinstance(True, int))
print(isinstance(2 ** 80, int), isinstance(1.0, float), isinstance(1, float))
print(isinstance([], list), isinstance({}, dict), isinstance((), tuple))
print(isinstance('x', (int, str)), isinstance(None, (int, str)))
print(type(type(1)))
def f():
    pass
print(type(f) == type(f), isinstance(len, int))
print(type(ValueError()) == ValueError)
print(isinstance(KeyError(), LookupError), isinstance(KeyError(), Exception))
