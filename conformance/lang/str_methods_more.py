# Less common str methods.
print('hello world'.title(), 'hello'.capitalize(), 'AbC'.swapcase())
print('[' + 'ab'.center(6) + ']', '[' + 'ab'.ljust(4, '.') + ']', '[' + 'ab'.rjust(4) + ']')
print('42'.zfill(5), '-42'.zfill(5))
print('abc'.isalpha(), 'a1'.isalpha(), '123'.isdigit(), ' \t'.isspace())
print('abc'.islower(), 'ABC'.isupper(), 'Abc'.isupper())
print('a-b-c'.rsplit('-', 1), 'a-b-c'.partition('-'), 'a-b-c'.rpartition('-'))
print('line1\nline2\r\nline3'.splitlines())
print('hello'.rfind('l'), 'hello'.index('e'), 'hello'.rindex('l'))
try:
    'hello'.index('z')
except ValueError:
    print('ValueError index')
print('hello'.startswith(('x', 'he')), 'hello'.endswith('l', 0, 4))
print('a\tb'.expandtabs(4))
print('%-6s|%6.2f|' % ('x', 2.5))
print('{:,}'.format(1234567), '{:08.3f}'.format(1.5))
print('abc'.encode(), b'abc'.decode())
print(ord('A'), chr(97), 'x'.join('123'))
