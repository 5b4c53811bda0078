# bool() truthiness and bool as an int subclass.
print(bool(), bool(0), bool(1), bool(-1), bool(0.0), bool(0.5))
print(bool(''), bool(' '), bool([]), bool(()), bool({}), bool(set()))
print(bool(None), bool(range(0)), bool(range(1)))
print(True + True, True * 3, False - 1)
print(isinstance(True, int), issubclass(bool, int))
print(repr(True), str(False), int(True))
class Z:
    def __len__(self):
        return 0
class B:
    def __bool__(self):
        return False
print(bool(Z()), bool(B()))
