# bytearray shares bytes methods and supports in-place operators.
b = bytearray(b'Hello World')
print(b.upper(), b.find(b'o'), b.count(b'l'), b.split())
print(b.replace(b'World', b'There'), b.startswith(b'He'))
b += b'!'
print(b, len(b))
b2 = bytearray(b'ab') * 2
print(b2, b2 == b'abab', bytearray(b'z') + b'y')
b2.remove(97)
print(b2, b2.index(98))
c = b2.copy()
c.clear()
print(c, b2)
