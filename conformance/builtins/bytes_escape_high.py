# Escapes \x80..\xff in a bytes literal are single bytes, not UTF-8.
b = b'\x80\xff\xab'
print(len(b), list(b))
print(b)
print(b'a\x00\xff' == bytes([97, 0, 255]))
