# str indexing, immutability and concat errors.
s = 'abc'
print(s[0], s[-1], s[1:], s[::-1], s[5:], s[-10:2])
try:
    s[3]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s[0] = 'x'
except TypeError as e:
    print(type(e).__name__)
try:
    s + 1
except TypeError as e:
    print(type(e).__name__)
try:
    s['a']
except TypeError as e:
    print(type(e).__name__)
