# requires: fs
# os.rename and os.remove: files and directories, replacing, and errors.
import os

TOP = "os_rename_tmp"


def rmtree(p):
    try:
        st = os.stat(p)
    except OSError:
        return
    if st[0] & 0x4000:
        for name in os.listdir(p):
            rmtree(p + "/" + name)
        os.rmdir(p)
    else:
        os.remove(p)


def put(path, text):
    with open(path, "w") as f:
        f.write(text)


def attempt(what, fn, *args):
    try:
        fn(*args)
        print(what, "ok")
    except OSError as e:
        print(what, type(e).__name__, e.errno)


rmtree(TOP)
try:
    os.mkdir(TOP)
    put(TOP + "/a", "alpha")
    put(TOP + "/b", "beta")
    os.rename(TOP + "/a", TOP + "/c")
    print(sorted(os.listdir(TOP)), open(TOP + "/c").read())
    # A file renamed onto another file replaces it.
    os.rename(TOP + "/c", TOP + "/b")
    print(sorted(os.listdir(TOP)), open(TOP + "/b").read())
    os.mkdir(TOP + "/d")
    os.mkdir(TOP + "/e")
    put(TOP + "/d/inner", "in d")
    attempt("file onto dir", os.rename, TOP + "/b", TOP + "/d")
    attempt("dir onto file", os.rename, TOP + "/d", TOP + "/b")
    attempt("dir onto full dir", os.rename, TOP + "/e", TOP + "/d")
    attempt("dir into itself", os.rename, TOP + "/d", TOP + "/d/sub")
    attempt("missing", os.rename, TOP + "/zz", TOP + "/yy")
    attempt("into missing dir", os.rename, TOP + "/b", TOP + "/zz/b")
    # A directory moves with what it holds; onto an empty one it replaces it.
    os.rename(TOP + "/d", TOP + "/e")
    print(sorted(os.listdir(TOP)), os.listdir(TOP + "/e"), open(TOP + "/e/inner").read())
    os.rename(TOP + "/b", TOP + "/e/b")
    print(sorted(os.listdir(TOP + "/e")))
    attempt("remove dir", os.remove, TOP + "/e")
    attempt("remove missing", os.remove, TOP + "/b")
    os.remove(TOP + "/e/b")
    os.remove(TOP + "/e/inner")
    print(os.listdir(TOP + "/e"))
    attempt("open removed", open, TOP + "/e/b")
    os.rmdir(TOP + "/e")
    print(os.listdir(TOP))
finally:
    rmtree(TOP)
