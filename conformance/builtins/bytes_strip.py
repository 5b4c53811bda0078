# bytes.strip, lstrip, rstrip with and without a byte set.
b = b'  Hello, World  '
print(b.strip(), b.lstrip(), b.rstrip())
print(b'xxhixx'.strip(b'x'), b'abcba'.strip(b'ab'))
