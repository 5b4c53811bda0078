# str.split and rsplit with separators and maxsplit.
s = 'a,b,,c'
print(s.split(','), s.split(',', 1), s.split(',', 0), s.rsplit(',', 1), s.rsplit(',', 2))
print('  a  b c  '.split(), 'a b'.split(None, 1))
print(''.split(), ''.split(','), 'abc'.split('abc'), 'aXbXc'.split('X', -1))
print('a::b::c'.split('::'), 'a\tb\nc'.split(), 'x'.rsplit('x'))
print('a\nb\r\nc\n'.splitlines(), 'a\nb\n'.splitlines(True))
try:
    'a'.split('')
except ValueError as e:
    print(type(e).__name__, e)
