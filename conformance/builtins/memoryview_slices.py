# memoryview: strided slices, tolist, hex, comparisons, attributes.
data = bytearray(range(10))
m = memoryview(data)
print(m[::2].tolist(), m[::-3].tolist(), m[2:8:2].hex(), len(m[1::4]))
print(m == data, m[:3] == b'\x00\x01\x02', m.nbytes, m.readonly, memoryview(b'ab').readonly)
sub = m[2:6]
sub[1] = 99
print(data[3], bytes(sub), sub.tobytes(), list(sub[::2]))
print(hash(memoryview(b'xy')) == hash(b'xy'))
def store(v):
    m[0] = v


for bad in (lambda: hash(m), lambda: store(256), lambda: store(b'a'), lambda: m[20]):
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
