# A subclass of int: arithmetic, comparisons, hashing and methods act on the value.
class MyInt(int):
    pass
a = MyInt(5)
print(a == 5, 5 == a, a < 6, 6 > a, hash(a) == hash(5), {a: 'x'}[5], {5: 'y'}[a])
print(list(range(a)), [1, 2, 3, 4, 5, 6][a], a * 2, 2 * a, -a, abs(MyInt(-3)), a // 2, a % 3, a ** 2)
print(f"{a:03d}", format(a, 'x'), str(a), repr(a), int(a), float(a), bool(MyInt(0)))
print(type(a + 1).__name__, type(-a).__name__, isinstance(a, MyInt), issubclass(MyInt, int))
a.tag = 'attr'
print(a.tag, a.real, a.bit_length())
