# exp: manual
# requires: module:esp01-512k
# The 512K module has no room for a filesystem: os and open() say so with
# ENODEV, naming the reason.
import os

for fn, args in ((os.listdir, ()), (open, ("x.txt", "w")), (os.mkdir, ("d",)), (os.statvfs, ("/",))):
    try:
        fn(*args)
    except OSError as e:
        print(type(e).__name__, e.errno, "flash" in str(e))
