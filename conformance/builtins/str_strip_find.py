# strip family with chars, find/rfind/index/rindex/count with ranges.
print('xxhixx'.strip('x'), '  a '.lstrip() + '|', '|' + ' a  '.rstrip(), 'abcba'.strip('ab'))
s = 'abcabcabc'
print(s.find('c'), s.find('c', 3), s.find('c', 3, 4), s.rfind('a'), s.rfind('a', 0, 5))
print(s.index('b'), s.rindex('b'), s.count('abc'), s.count('a', 1), s.count(''))
print(s.startswith(('x', 'ab')), s.endswith('bc', 0, 3), s.startswith('c', 2))
try:
    s.index('z')
except ValueError as e:
    print(type(e).__name__, e)
