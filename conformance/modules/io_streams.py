# io: StringIO and BytesIO reading, writing, seeking and lines.
import io

s = io.StringIO()
print(s.write("hello\n"), s.write("world"), s.tell(), s.getvalue())
s.seek(0)
print(repr(s.read(3)), repr(s.readline()), repr(s.read()), repr(s.read()), s.tell())
s = io.StringIO("a\nbb\nccc")
print(s.readline(), end="")
print(s.readlines(), repr(s.readline()))
s.seek(0)
print([line for line in s])
s = io.StringIO("abcdef")
s.seek(2)
s.write("XY")
print(s.getvalue(), s.tell(), repr(s.read()))
s.seek(0, 2)
s.write("!")
print(s.getvalue(), s.seek(1), s.read(2))
s = io.StringIO("x")
s.seek(5)
s.write("y")
print(repr(s.getvalue()))
with io.StringIO("ctx") as c:
    print(c.read(), c.closed)
print(c.closed)
try:
    c.read()
except ValueError as e:
    print("ValueError", e)

b = io.BytesIO(b"\x00\x01\x02abc\n2nd\n")
print(b.read(3), b.tell(), b.readline(), b.readline(), b.read(), b.read(5))
b.seek(0)
b.write(b"ZZ")
print(b.getvalue(), b.tell(), b.seek(-2, 2), b.read())
b = io.BytesIO()
b.write(b"ab")
b.write(bytearray(b"cd"))
print(b.getvalue(), len(b.getvalue()), b.seek(0), b.read(1), b.seek(1, 1), b.read())
print(io.BytesIO(b"l1\nl2\n").readlines(), list(io.BytesIO(b"p\nq")))
try:
    io.BytesIO().write("text")
except TypeError as e:
    print("TypeError", e)
try:
    io.StringIO().write(b"x")
except TypeError as e:
    print("TypeError", e)
try:
    io.StringIO().seek(-1)
except ValueError as e:
    print("ValueError", e)
