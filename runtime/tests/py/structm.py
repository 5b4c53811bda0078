import struct
b = struct.pack("<hHiIqQ", -2, 65535, -7, 4000000000, -(2 ** 40), 2 ** 63 + 5)
print(b, len(b), struct.calcsize("<hHiIqQ"))
print(struct.unpack("<hHiIqQ", b))
print(struct.pack(">I", 1), struct.pack("!h", -1), struct.pack("<f", 1.5), struct.pack("<d", -0.25))
print(struct.unpack(">f", struct.pack(">f", 3.25)), struct.unpack("<d", struct.pack("<d", 1e300)))
print(struct.pack("<3sx?c", b"abcd", True, b"z"), struct.unpack("<3sx?c", b"xyz\x00\x01q"))
print(struct.calcsize("<bhi"), struct.unpack_from("<H", b"\x00\x01\x02", 1), struct.pack("<2B", 1, 255))
try:
    struct.unpack("<I", b"ab")
except struct.error as e:
    print(e)
