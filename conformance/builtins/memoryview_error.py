# memoryview errors: non-buffer objects, size mismatch, out of range.
try:
    memoryview('abc')
except TypeError as e:
    print(type(e).__name__)
try:
    memoryview(5)
except TypeError as e:
    print(type(e).__name__)
mv = memoryview(bytearray(4))
try:
    mv[10]
except IndexError as e:
    print(type(e).__name__)
try:
    mv[0:2] = b'abc'
except ValueError as e:
    print(type(e).__name__)
print(len(mv[1:]), list(mv))
