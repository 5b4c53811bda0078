# int.bit_length() for small, negative and big ints.
for n in (0, 1, 2, 3, 255, 256, -1, -256, 2 ** 31, 2 ** 64 - 1, -(2 ** 100)):
    print(n, n.bit_length())
print((True).bit_length())
