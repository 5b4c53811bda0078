# index/rindex of bytes report a missing subsection, str a substring.
for f in (lambda: b'abc'.index(b'z'), lambda: b'abc'.rindex(b'z'), lambda: bytearray(b'a').index(b'z'),
          lambda: 'abc'.index('z')):
    try:
        f()
    except ValueError as e:
        print(type(e).__name__, e)
