# bytes % and bytearray %: printf-style formatting on bytes (PEP 461).
print(b'%d-%05.1f-%x' % (42, 3.14159, 255))
print(b'%s and %b' % (b'raw', bytearray(b'ba')))
print(b'%r %a' % ('h\xe9', b'x'))
print(b'%c%c' % (65, b'z'))
print(b'%(k)s=%(v)d' % {b'k': b'key', b'v': 7})
print(b'%-6s|%6s|' % (b'ab', b'cd'))
print(b'100%% %s' % memoryview(b'mv'))
r = bytearray(b'[%s]') % b'in'
print(type(r).__name__, r)
for bad in ((b'%s', 'text'), (b'%c', 256), (b'%c', 'x'), (b'%d %d', (1,)), (b'%d', (1, 2)), (b'%y', 1)):
    try:
        bad[0] % bad[1]
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    '%b' % b'x'
except ValueError as e:
    print('ValueError', e)
