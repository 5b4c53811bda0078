# bytes errors: immutability, bad items, index out of range.
b = b'abc'
try:
    b[0] = 1
except TypeError as e:
    print(type(e).__name__)
try:
    b[3]
except IndexError as e:
    print(type(e).__name__, e)
try:
    bytes([256])
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytes('abc')
except TypeError as e:
    print(type(e).__name__)
try:
    b'a' + 'b'
except TypeError as e:
    print(type(e).__name__)
try:
    bytes(-2)
except ValueError as e:
    print(type(e).__name__, e)
