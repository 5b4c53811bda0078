# memoryview over bytes and bytearray: indexing, slicing, writes.
m = memoryview(b'hello')
print(len(m), m[0], bytes(m[1:3]), bytes(m))
ba = bytearray(b'abcdef')
mv = memoryview(ba)
mv[0] = 65
mv[2:4] = b'XY'
print(ba)
sub = mv[3:]
sub[0] = 33
print(ba, bytes(sub))
try:
    m[0] = 1
except TypeError as e:
    print(type(e).__name__)
