# bytes construction, indexing and slicing.
b = bytes([104, 105, 0, 255])
print(b, len(b), b[0], b[-1])
print(bytes(3), bytes(), bytes(b'xy'), bytes('caf\u00e9', 'utf-8'))
print(b'hello'[1:4], b'hello'[::-1], b'hello'[::2])
print(b'ab' + b'cd', b'ab' * 3, b'b' in b'abc', 98 in b'abc')
print(b'abc' == b'abc', b'abc' < b'abd', b'' < b'a')
print(list(b'AZ'))
print(b'\x00\x7f\n\t\'')
