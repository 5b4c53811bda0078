# Strings: indexing, slicing, len, in, +, *, comparison, escapes.
s = 'hello world'
print(s)
print(s[0], s[-1], s[4])
print(s[0:5], s[6:], s[:-6], s[::2], s[::-1])
print(len(s), len(''))
print('wor' in s, 'xyz' in s, '' in s)
print('ab' + 'cd', 'ab' * 3, 3 * 'x', 'ab' * 0)
print('a' < 'b', 'abc' == 'abc')
print('tab\there')
print('quote\'s', "dq\"s")
print('back\\slash')
print('line1\nline2')
print(len('\n'), len('a\tb'))
m = """multi
line"""
print(m)
print('con' 'cat')
try:
    s[20]
except IndexError:
    print('IndexError')
try:
    s[0] = 'H'
except TypeError:
    print('TypeError')
print(str(123) + 'abc')
