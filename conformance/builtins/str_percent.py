# %-formatting of strings and ints.
print('%s %d %i %r' % ('a', 5, -3, 'q'), '%5s|%-5s|' % ('r', 'l'), '%%' % ())
print('%x %X %o %#x %05d %+d' % (255, 255, 8, 255, 42, 3), '%c' % 65)
print('%(a)s-%(b)d' % {'a': 'x', 'b': 2}, '%s' % [1, 2], '%s' % (None,))
try:
    '%d' % 'a'
except TypeError as e:
    print(type(e).__name__)
try:
    '%s %s' % (1,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    '%s' % (1, 2)
except TypeError as e:
    print(type(e).__name__, e)
