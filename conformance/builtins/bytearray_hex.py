# bytearray.fromhex() and bytearray.hex().
print(bytearray.fromhex('0a0b'), bytearray(b'\x10\x20').hex())
