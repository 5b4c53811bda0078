# bytes.find, rfind, index, count, startswith, endswith.
print(b'hello'.find(b'l'), b'hello'.rfind(b'l'), b'hello'.find(b'z'))
print(b'hello'.index(b'e'), b'hello'.count(b'l'))
print(b'hello'.startswith(b'he'), b'hello'.endswith(b'lo'))
try:
    b'hello'.index(b'z')
except ValueError as e:
    print(type(e).__name__)
