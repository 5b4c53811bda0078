# ord() of a length-1 bytes or bytearray.
print(ord(b'a'), ord(b'\xff'))
print(ord(bytearray(b'\x10')))
