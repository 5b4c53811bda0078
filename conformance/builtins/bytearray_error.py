# bytearray errors: bad values, bad indices, bad constructor args.
b = bytearray(b'ab')
try:
    b[0] = 256
except ValueError as e:
    print(type(e).__name__, e)
try:
    b[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    b.append(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytearray('x')
except TypeError as e:
    print(type(e).__name__)
try:
    bytearray([300])
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytearray(-1)
except ValueError as e:
    print(type(e).__name__, e)
