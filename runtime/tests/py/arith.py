# integers, floats, big ints, division and modulo signs
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(1 / 2, 4 / 2, -1 / 3, 10 / 4)
print(2 ** 10, 2 ** 64, 2 ** 100, -2 ** 3, 2 ** -1)
print(10 ** 20 + 1, 10 ** 20 - 10 ** 19, 123456789 * 987654321 * 1000000007)
print(-(10 ** 30), abs(-(10 ** 30)), (10 ** 30) // 7, (10 ** 30) % 7, -(10 ** 30) // 7)
big = 1
for i in range(1, 30):
    big *= i
print(big, big // (10 ** 20), big % 1000003)
print(1 << 70, (1 << 70) >> 65, -1 >> 3, 255 & 15, 8 | 3, 6 ^ 3, ~5)
print(0.1 + 0.2, 1e16, 1e-5, 123.456, 1.0, -0.0, 3.0 * 2, 2.5e-10, 1e100)
print(float("inf"), -float("inf"), 7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2)
print(int(3.9), int(-3.9), int("42"), int(" -17 "), int("ff", 16), int("0x1f", 0), float("1.5"))
print(round(2.5), round(3.5), round(-0.5), round(3.14159, 2), round(1234, -2))
print(divmod(17, 5), divmod(-17, 5), pow(3, 4), pow(3, 4, 5), pow(2, 100, 1000007))
print(True + True, True * 10, False - 1, 3 == 3.0, 1 < 2.5, hash(1) == hash(1.0))
print(hex(255), oct(8), bin(10), hex(-255), hex(2 ** 70))
print(max(3, 1, 2), min([4, 2, 8]), sum([1, 2, 3]), sum(range(101)), abs(-3.5))
print(int("123456789012345678901234567890") * 2)
print(10 ** 18 * 10 ** 18 == 10 ** 36, 2 ** 62 + 2 ** 62, -(2 ** 63))
x = 5
x += 3; x *= 2; x -= 1; x //= 2; x %= 5; x **= 3
print(x)
print(1_000_000, 0b1010, 0o17, 0xFF)
