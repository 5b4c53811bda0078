# bytearray construction and mutation.
b = bytearray(b'abc')
print(b, len(b), b[0], b[-1])
b[0] = 65
b.append(100)
b.extend(b'ef')
print(b)
print(bytearray(3), bytearray([1, 2, 255]), bytearray())
print(bytearray('hi', 'utf-8'))
b[1:3] = b'XYZ'
print(b)
del b[0]
print(b, b.pop(), b)
b.insert(0, 33)
b.reverse()
print(b)
