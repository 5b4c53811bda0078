# requires: fs
# open() modes and the errors CPython raises for files.
import os

NAME = "file_errors_tmp.txt"
DIR = "file_errors_tmp_dir"


def attempt(what, fn, *args):
    try:
        fn(*args)
        print(what, "ok")
    except OSError as e:
        print(what, type(e).__name__, e.errno)
    except (ValueError, TypeError) as e:
        print(what, type(e).__name__, e)


def cleanup():
    for p in (NAME, NAME + "2"):
        try:
            os.remove(p)
        except OSError:
            pass
    try:
        os.rmdir(DIR)
    except OSError:
        pass


cleanup()
try:
    for mode in ("rw", "z", "", "rbt", "r++", "ab+x"):
        attempt("mode " + repr(mode), open, NAME, mode)
    attempt("missing", open, NAME)
    try:
        open(NAME)
    except OSError as e:
        print(e)
    with open(NAME, "x") as f:
        f.write("made")
    attempt("x existing", open, NAME, "x")
    os.mkdir(DIR)
    attempt("open dir", open, DIR)
    attempt("write dir", open, DIR, "w")
    attempt("under file", open, NAME + "/x", "w")
    with open(NAME, "w") as f:
        try:
            f.read()
        except OSError as e:
            print("read write-only", isinstance(e, OSError))
        attempt("write bytes to text", f.write, b"b")
    with open(NAME) as f:
        try:
            f.write("x")
        except OSError as e:
            print("write read-only", isinstance(e, OSError))
    with open(NAME, "wb") as f:
        attempt("write str to binary", f.write, "s")
    f = open(NAME)
    f.close()
    f.close()
    attempt("read closed", f.read)
    attempt("write closed", f.write, "x")
    attempt("readline closed", f.readline)
    attempt("seek closed", f.seek, 0)
    attempt("tell closed", f.tell)
    attempt("iterate closed", list, f)
    attempt("with closed", f.__enter__)
    # The file as the last "wb" left it: empty.
    print(open(NAME, "rb").read())
finally:
    cleanup()
