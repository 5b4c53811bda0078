# bytearray is mutable and so unhashable.
try:
    hash(bytearray(b'x'))
except TypeError as e:
    print(type(e).__name__)
