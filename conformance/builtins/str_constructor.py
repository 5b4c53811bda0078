# str() constructor forms; compare; in.
print(str(), str(5), str(-1.5), str([1, 'a']), str(b'x'), str(None))
print('abc' < 'abd', 'a' < 'ab', 'B' < 'a', 'ab' == 'a' + 'b', 'x' in 'xyz', '' in 'a')
try:
    'a' < 1
except TypeError as e:
    print(type(e).__name__)
