# Slicing bytes returns bytes.
b = b'0123456789'
print(b[2:5], b[-3:], b[::3], b[7:2:-2], type(b[1:2]).__name__, b[20:])
