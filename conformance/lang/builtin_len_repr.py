# len() on each container, and repr() versus str().
print(len('abc'), len([1, 2]), len((1,)), len({'a': 1}), len(''))
print(repr('abc'), str('abc'))
print(repr("it's"), repr('say "hi"'))
print(repr('a\nb'), repr('tab\t'), repr('\\'))
print(repr(42), repr(-1), repr(None), repr(True))
print(repr([1, 'a']), repr(('x',)), repr({'k': 'v'}))
print(repr(2 ** 70))
print(repr(''), repr([]), repr({}), repr(()))
print(str([1, 'a']))
try:
    len(5)
except TypeError:
    print('TypeError len int')
s = 'x' * 300
print(len(s), len(s + s))
