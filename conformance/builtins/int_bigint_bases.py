# Big ints in every base: bin, oct, hex, str and back.
n = 2 ** 100 + 12345
for f, b in ((bin, 2), (oct, 8), (hex, 16), (str, 10)):
    s = f(n)
    print(s)
    print(int(s, 0 if b != 10 else 10) == n)
m = -(3 ** 50)
print(hex(m), int(hex(m), 16) == m)
print(int('z' * 20, 36))
print(str(10 ** 30 - 1))
