# type() with one argument, and type identity.
print(type(1).__name__, type('').__name__, type(1.5).__name__, type([]).__name__)
print(type(None).__name__, type(True).__name__, type(type).__name__)
print(type(1) is int, type(True) is bool, type(int) is type)
class C:
    pass
print(type(C()) is C, type(C) is type, type(C()).__name__)
def f():
    pass
print(type(f).__name__, type(lambda: 0).__name__, type((x for x in ())).__name__)
print(type(range(1)).__name__, type(b'').__name__)
