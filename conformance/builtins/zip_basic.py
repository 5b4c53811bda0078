# zip() with 0, 1, 2 and 3 iterables of unequal length.
print(list(zip()), list(zip('ab')))
print(list(zip([1, 2, 3], 'ab')), list(zip(range(3), 'xyz', [True] * 5)))
pairs = [(1, 'a'), (2, 'b')]
n, c = zip(*pairs)
print(n, c)
print(dict(zip('kl', [7, 8])))
try:
    zip(1, 2)
except TypeError as e:
    print(type(e).__name__)
