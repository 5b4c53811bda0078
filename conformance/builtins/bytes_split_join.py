# bytes.split with separator and maxsplit; bytes.join.
print(b'a,b,,c'.split(b','), b'a b  c'.split(), b'a,b,c'.split(b',', 1))
print(b'-'.join([b'x', b'y', b'z']), b''.join([]))
