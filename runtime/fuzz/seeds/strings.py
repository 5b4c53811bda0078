s = f'{1+2!r:>{4}} {"a"=} {{}}' + r'\n' + '''x
y''' + "\x41\u00e9\N{BULLET}" if 0 else 'ok'
b = b'\x00\xff' + bytes(3) + bytearray(b'ab')
print(s, b, s.encode(), b.hex(), '%05.2f|%-4s|%x' % (3.14159, 'a', 255), '{:_}'.format(10**9))
