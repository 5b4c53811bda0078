# int() parses bytes and bytearray as text, with a base as well.
print(int(b' 42 '), int(b'ff', 16), int(bytearray(b'-17')), int(b'0x1f', 0), int('12', base=16))
for v in (b'x', bytearray(b'z')):
    try:
        int(v)
    except ValueError as e:
        print(type(e).__name__, e)
