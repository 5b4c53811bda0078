# set construction and mutation (printed sorted).
s = set([3, 1, 2, 1])
print(sorted(s), len(s), 1 in s, 9 not in s)
s.add(5)
s.discard(1)
s.discard(42)
s.remove(2)
print(sorted(s))
s.update([7, 8], (9,))
print(sorted(s))
p = s.pop()
print(p in s, len(s))
c = s.copy()
s.clear()
print(len(s), len(c), set() == set(), sorted(set('abca')))
try:
    s.remove(100)
except KeyError as e:
    print(type(e).__name__, e)
