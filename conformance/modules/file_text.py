# requires: fs
# open() in text mode: write, read, readline, readlines, iteration, append,
# tell, the context manager and UTF-8 text.
import os

NAME = "file_text_tmp.txt"

try:
    with open(NAME, "w") as f:
        print(f.write("first line\n"), f.write("second\nthird"), f.tell())
        print(f.closed, f.name, f.mode)
    print(f.closed)
    f = open(NAME)
    print(repr(f.read()))
    f.close()
    with open(NAME) as f:
        print(repr(f.readline()), repr(f.readline(3)), repr(f.readline()), repr(f.readline()))
        print(repr(f.readline()))
    with open(NAME) as f:
        print(f.readlines())
    with open(NAME) as f:
        print([line for line in f])
    with open(NAME, "a") as f:
        print(f.tell(), f.write(" and more\n"))
    with open(NAME, "r") as f:
        print(repr(f.read(5)), repr(f.read(6)), f.tell())
        print(repr(f.read()))
        print(repr(f.read()), repr(f.readline()))
    print(os.stat(NAME)[6])
    # UTF-8: write() counts characters, read(n) reads n characters.
    with open(NAME, "w") as f:
        print(f.write("h\u00e9llo \u20ac\u00e9\n"))
    with open(NAME) as f:
        print(repr(f.read(2)), repr(f.read(5)), repr(f.read()))
    print(os.stat(NAME)[6])
    # "w" empties the file; "w+" reads back.
    with open(NAME, "w+") as f:
        f.write("abc")
        f.seek(0)
        print(repr(f.read()))
    with open(NAME, "a+") as f:
        print(repr(f.read()))
        f.write("def")
        f.seek(0)
        print(repr(f.read()))
    print(open(NAME).read())
finally:
    try:
        os.remove(NAME)
    except OSError:
        pass
