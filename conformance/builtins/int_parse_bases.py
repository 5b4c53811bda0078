# int() with explicit bases, base 0 prefixes and underscores.
print(int('1010', 2), int('z', 36), int('Zz', 36), int('777', 8), int('-ff', 16))
print(int('0x1f', 16), int('0o17', 8), int('0b11', 2))
print(int('0x1f', 0), int('0o17', 0), int('0b101', 0), int('123', 0))
print(int('1_000', 10), int('1_000_000'), int('0x_ff', 16), int('f_f', 16))
print(int(' 42\n'), int('-0'), int('+7'))
print(int('123456789abcdef0123', 16))
print(int('1' * 40, 2))
