# Integer literals in other bases, underscores, and base conversion builtins.
print(0x1F, 0XfF, 0o17, 0O7, 0b1011, 0B1)
print(1_000_000, 0x_ff, 0b_1010_1010)
print(0x10000000000000000)
print(hex(255), oct(8), bin(10))
print(hex(-255), bin(0), hex(2 ** 70))
print(int('0x1f', 16), int('0o17', 8), int('0b11', 2))
print(int('0x1f', 0), int('017', 8), int('1_000'))
print(int('  -0b101  ', 0))
print('%x %o %X' % (255, 8, 255))
print('{:b} {:o} {:#x} {:#b}'.format(5, 8, 255, 5))
try:
    int('0x1f')
except ValueError:
    print('ValueError no base')
try:
    int('08', 0)
except ValueError:
    print('ValueError leading zero')
