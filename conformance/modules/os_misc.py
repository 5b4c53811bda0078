# requires: fs
# os: uname, urandom, sync, statvfs and sep, as far as they agree with CPython.
import os

u = os.uname()
print(len(u), [type(x).__name__ for x in u])
print(u[0] == u.sysname, u[4] == u.machine, u[2] == u.release)
r = os.urandom(16)
print(type(r).__name__, len(r), len(os.urandom(0)))
print(os.urandom(16) != r)
print(os.sync())
s = os.statvfs("/")
print(len(s), s[0] > 0, s[1] > 0, s[2] >= s[3] >= 0, s[3] >= s[4] >= 0)
print(os.sep)
try:
    os.urandom(-1)
except ValueError:
    print("ValueError")
