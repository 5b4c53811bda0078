# bin(), oct(), hex() on small, negative and big ints.
for n in (0, 1, 7, 255, -1, -255, 2 ** 40):
    print(bin(n), oct(n), hex(n))
print(hex(2 ** 100))
print(bin(-(2 ** 65)))
print(hex(True))
