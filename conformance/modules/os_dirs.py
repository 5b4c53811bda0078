# requires: fs
# os: directories (mkdir, listdir, rmdir, chdir, getcwd, stat) and their errors.
import os

TOP = "os_dirs_tmp"


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


def attempt(what, fn, *args):
    try:
        fn(*args)
        print(what, "ok")
    except OSError as e:
        print(what, type(e).__name__, e.errno)


rmtree(TOP)
try:
    os.mkdir(TOP)
    os.mkdir(TOP + "/b")
    os.mkdir(TOP + "/a")
    with open(TOP + "/a/f.txt", "w") as f:
        f.write("12345")
    print(sorted(os.listdir(TOP)))
    print(os.listdir(TOP + "/a"))
    print(os.listdir(TOP + "/b"))
    st = os.stat(TOP + "/a")
    print("dir", st[0] & 0xF000 == 0x4000)
    st = os.stat(TOP + "/a/f.txt")
    print("file", st[0] & 0xF000 == 0x8000, st[6])
    attempt("mkdir existing", os.mkdir, TOP + "/a")
    attempt("mkdir no parent", os.mkdir, TOP + "/zz/y")
    attempt("mkdir under file", os.mkdir, TOP + "/a/f.txt/y")
    attempt("rmdir not empty", os.rmdir, TOP + "/a")
    attempt("rmdir missing", os.rmdir, TOP + "/zz")
    attempt("rmdir file", os.rmdir, TOP + "/a/f.txt")
    attempt("listdir missing", os.listdir, TOP + "/zz")
    attempt("listdir file", os.listdir, TOP + "/a/f.txt")
    attempt("stat missing", os.stat, TOP + "/zz")
    # The current directory: relative paths, "." and "..".
    home = os.getcwd()
    os.chdir(TOP + "/a")
    print(os.getcwd().endswith("/" + TOP + "/a"))
    print(os.listdir())
    print(os.listdir("."))
    print(sorted(os.listdir("..")))
    print(open("./f.txt").read())
    os.chdir("..")
    print(os.getcwd().endswith("/" + TOP))
    attempt("chdir missing", os.chdir, "zz")
    attempt("chdir file", os.chdir, "a/f.txt")
    os.chdir(home)
    print(os.getcwd() == home)
    os.remove(TOP + "/a/f.txt")
    os.rmdir(TOP + "/a")
    os.rmdir(TOP + "/b")
    print(os.listdir(TOP))
    os.rmdir(TOP)
    attempt("stat removed", os.stat, TOP)
finally:
    rmtree(TOP)
