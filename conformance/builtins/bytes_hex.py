# bytes.hex() renders two lowercase digits per byte.
print(bytes([0, 1, 171, 255]).hex(), repr(b''.hex()), b'AZ'.hex())
