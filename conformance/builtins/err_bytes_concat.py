# bytes and bytearray concatenate only with buffers; __radd__ still works.
for f in (lambda: b'a' + 'b', lambda: bytearray(b'a') + 'b', lambda: b'a' + 1, lambda: b'a' + [1]):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
ba = bytearray(b'x')
ba += memoryview(b'yz')
ba += b'q'
print(ba)
for v in ('s', [1], 5):
    try:
        ba += v
    except TypeError as e:
        print(type(e).__name__, e)
class R:
    def __radd__(self, other):
        return 'radd'
print(b'a' + R(), bytearray(b'a') + R())
