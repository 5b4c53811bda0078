# A subclass of str: operators and str methods work; results of methods are plain str.
class S(str):
    pass
s = S('abc')
print(s == 'abc', 'abc' == s, s + 'd', 'z' + s, s * 2, s[1], s[::-1], 'b' in s, len(s), s.upper(), type(s.upper()).__name__)
print({s: 1}['abc'], '-'.join(['x', 'y']), sorted([S('b'), S('a')]), s.startswith('a'), str(s), repr(s))
