# More bytes/bytearray methods shared with str; results keep the type.
b = b'hello world'
print(b.center(15, b'*'), b.ljust(13, b'.'), b.rjust(13), b'42'.zfill(5))
print(b.count(b'o'), b.count(111), b.find(119), b.rsplit(b' ', 1), b'a\nb\r\nc'.splitlines())
print(b.title(), b.capitalize(), b.swapcase(), b.removeprefix(b'hello '), b.removesuffix(b'xx'))
ba = bytearray(b'k=v')
print(ba.partition(b'='), ba.upper(), ba.split(b'='), b'-'.join([bytearray(b'a'), b'b']))
print(type(ba.strip()).__name__, type(b.strip()).__name__, b.startswith((b'x', b'he')), b.endswith(b'ld', 0, 11))
for bad in (lambda: b.split('o'), lambda: b.find('o'), lambda: b'-'.join(['a']), lambda: b.startswith('h')):
    try:
        bad()
    except TypeError as e:
        print(e)
