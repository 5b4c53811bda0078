# Dict and set comprehensions, and generator expressions in calls.
print({k: k * k for k in range(5)})
print({c: i for i, c in enumerate('abc')})
d = {'a': 1, 'b': 2, 'c': 3}
print({v: k for k, v in d.items()})
print({k: v for k, v in d.items() if v != 2})
s = {x % 3 for x in range(10)}
print(sorted(s))
print(sorted({len(w) for w in ['a', 'bb', 'cc', 'ddd']}))
print(sum(x for x in range(10) if x % 2))
print(max(len(w) for w in ['one', 'three', 'xx']))
print(tuple(i * 2 for i in range(3)))
