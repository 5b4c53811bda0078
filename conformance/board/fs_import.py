# exp: manual
# requires: fs
# import finds NAME.py on the filesystem: in the current directory ("" in
# sys.path) and in /lib, after the builtin and frozen modules.
import os
import sys

print("" in sys.path, "/lib" in sys.path)


def put(path, text):
    with open(path, "w") as f:
        f.write(text)


def remove(path):
    try:
        os.remove(path)
    except OSError:
        pass


made_lib = False
try:
    os.mkdir("/lib")
    made_lib = True
except OSError:
    pass
try:
    put("/fsimp_a.py", "X = 1\nprint('running fsimp_a', __name__)\n")
    put("/lib/fsimp_b.py", "import fsimp_a\nY = fsimp_a.X + 1\n")
    import fsimp_b

    print(fsimp_b.Y, fsimp_b.__file__, sys.modules["fsimp_a"].__file__)
    import fsimp_a

    print(fsimp_a.X)
    put("/fsimp_bad.py", "x = (\n")
    try:
        import fsimp_bad
    except SyntaxError:
        print("SyntaxError", "fsimp_bad" in sys.modules)
    put("/fsimp_err.py", "raise ValueError('boom')\n")
    try:
        import fsimp_err
    except ValueError as e:
        print("ValueError", e, "fsimp_err" in sys.modules)
    try:
        import fsimp_missing
    except ImportError:
        print("ImportError")
    os.mkdir("/fsimp_dir")
    put("/fsimp_dir/fsimp_c.py", "Z = 3\n")
    os.chdir("/fsimp_dir")
    import fsimp_c

    print(fsimp_c.Z, fsimp_c.__file__)
    # A builtin module wins over a file of the same name.
    put("/fsimp_dir/json.py", "raise RuntimeError('not me')\n")
    import json

    print(json.dumps([1]))
finally:
    os.chdir("/")
    for p in ("/fsimp_a.py", "/lib/fsimp_b.py", "/fsimp_bad.py", "/fsimp_err.py", "/fsimp_dir/fsimp_c.py",
              "/fsimp_dir/json.py"):
        remove(p)
    try:
        os.rmdir("/fsimp_dir")
    except OSError:
        pass
    if made_lib:
        os.rmdir("/lib")
print(sorted(n for n in os.listdir("/") if n.startswith("fsimp")))
