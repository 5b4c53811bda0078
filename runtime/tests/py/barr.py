b = bytearray(4)
b[0] = 1; b[3] = 255
print(b, len(b), b[3], list(b), bytes(b), b == bytes(b))
b.append(7); b.extend(b"xy"); b += bytearray([9])
print(b, b[1:3], b.pop(), b.decode("latin-1") if False else b.hex())
b[1:3] = b"AB"
del b[0]
print(b, 65 in b, b"AB" in b, bytearray(b"hi"), bytearray("ok", "utf-8"))
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\xff\xff", "little", signed=True))
print((-2).to_bytes(2, "big", signed=True), int.from_bytes(bytearray([1, 2, 3]), "little"))
try:
    b[0] = 256
except ValueError as e:
    print(e)
