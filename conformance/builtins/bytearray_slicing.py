# Slicing a bytearray returns a bytearray; slice assignment and deletion.
a = bytearray(b'0123456789')
print(a[2:5], a[::-4], type(a[1:2]).__name__)
a[::2] = b'ABCDE'
print(a)
del a[1:9:2]
print(a)
