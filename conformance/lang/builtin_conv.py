# int(), str(), bool() conversions, including int() with a base.
print(int('42'), int('-17'), int('  8  '), int('+3'))
print(int('ff', 16), int('FF', 16), int('777', 8), int('101', 2))
print(int('z', 36), int('10', 10))
print(int(7), int(True), int(False))
print(int('123456789012345678901234567890'))
print(str(42), str(-3), str(None), str(True), str([1, 'a']))
print(str(), int(), bool())
print(bool(1), bool(0), bool('x'), bool(''), bool([0]), bool({}))
print(str(2 ** 65))
print(int(str(99)) + 1)
print(int('-ff', 16))
try:
    int('x')
except ValueError:
    print('ValueError x')
try:
    int('12', 2)
except ValueError:
    print('ValueError base 2')
try:
    int('')
except ValueError:
    print('ValueError empty')
try:
    int('1.5')
except ValueError:
    print('ValueError float text')
