# requires: fs
# open() in binary mode: bytes and bytearray, seek/tell with each whence,
# writing past the end, overwriting in place, readinto, a multi-block file.
import os

NAME = "file_binary_tmp.bin"

try:
    with open(NAME, "wb") as f:
        print(f.write(b"0123456789"), f.write(bytearray(b"ab")), f.tell())
    with open(NAME, "rb") as f:
        print(f.read())
        print(f.seek(2), f.read(3), f.tell())
        print(f.seek(2, 1), f.read(2))
        print(f.seek(-3, 2), f.read())
        print(f.seek(100), f.read(), f.tell())
    # r+b overwrites in place; a write past the end leaves zeros between.
    with open(NAME, "r+b") as f:
        f.seek(4)
        f.write(b"XY")
        f.seek(15)
        f.write(b"!")
    with open(NAME, "rb") as f:
        data = f.read()
    print(len(data), data)
    with open(NAME, "rb") as f:
        buf = bytearray(5)
        print(f.readinto(buf), buf)
        print(f.readline())
    # Several flash blocks, written in pieces, read back in other pieces.
    with open(NAME, "wb") as f:
        for i in range(20):
            f.write(bytes([65 + i]) * 700)
    print(os.stat(NAME)[6])
    with open(NAME, "rb") as f:
        ok = True
        pos = 0
        while True:
            piece = f.read(999)
            if not piece:
                break
            for k in range(0, len(piece), 50):
                if piece[k] != 65 + (pos + k) // 700:
                    ok = False
            pos += len(piece)
        print(ok, pos)
        f.seek(7 * 700 - 2)
        print(f.read(4))
    # An update in the middle of a big file keeps the rest.
    with open(NAME, "r+b") as f:
        f.seek(10000)
        f.write(b"middle")
    with open(NAME, "rb") as f:
        f.seek(9998)
        print(f.read(10))
        f.seek(0)
        print(f.read(3))
        f.seek(-3, 2)
        print(f.read())
finally:
    try:
        os.remove(NAME)
    except OSError:
        pass
