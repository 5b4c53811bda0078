# center/ljust/rjust with a fill of the wrong type raise TypeError.
for f in (lambda: 'abc'.center(5, 1), lambda: 'abc'.ljust(5, 'xy'), lambda: b'a'.center(5, 1),
          lambda: b'a'.ljust(5, 'x'), lambda: b'a'.rjust(5, b'xy'), lambda: bytearray(b'a').rjust(5, 1)):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
print('abc'.center(7, '*'), b'a'.rjust(3, b'-'), bytearray(b'a').ljust(3, bytearray(b'.')))
