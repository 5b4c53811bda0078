# list.sort() with key and reverse; sort is stable.
words = ['bb', 'a', 'ccc', 'dd', 'e']
words.sort(key=len)
print(words)
words.sort(key=len, reverse=True)
print(words)
pairs = [(2, 'x'), (1, 'y'), (2, 'a'), (1, 'b')]
pairs.sort(key=lambda p: p[0])
print(pairs)
n = [3, -1, -4, 2]
n.sort(key=abs)
print(n)
try:
    [1, 'a'].sort()
except TypeError as e:
    print(type(e).__name__)
try:
    [1].sort(len)
except TypeError as e:
    print(type(e).__name__)
