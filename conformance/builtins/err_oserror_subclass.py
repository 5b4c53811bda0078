# OSError(errno, msg) makes the subclass CPython maps that errno to.
for no in (1, 2, 13, 17, 20, 21, 110, 5, 22):
    e = OSError(no, 'msg')
    print(type(e).__name__, e, e.errno, isinstance(e, OSError))
print(type(OSError(2)).__name__, type(OSError('x', 'y')).__name__)
try:
    raise OSError(2, 'No such file or directory', 'f.txt')
except FileNotFoundError as e:
    print('caught', e)
