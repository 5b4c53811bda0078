# list.sort and sorted(): stability, reverse, key functions.
l = [5, 2, 9, 1, 5, 6]
s = sorted(l)
print(s, l)
l.sort()
print(l)
l.sort(reverse=True)
print(l)
print(sorted(['pear', 'apple', 'fig']))
print(sorted('hello'))
print(sorted((3, 1, 2), reverse=True))
def by_len(w):
    return len(w)
words = ['ccc', 'a', 'bb', 'dd', 'e']
print(sorted(words, key=by_len))
words.sort(key=by_len, reverse=True)
print(words)
def second(p):
    return p[1]
pairs = [(1, 'b'), (2, 'a'), (3, 'b'), (4, 'a')]
print(sorted(pairs, key=second))
print(sorted([]))
print(sorted([-3, 2, -1, 0]))
print(sorted([2 ** 70, 1, -(2 ** 70)]))
try:
    sorted([1, 'a'])
except TypeError:
    print('TypeError')
