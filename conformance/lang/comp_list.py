# List comprehensions: filters, nesting, scopes.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0])
print([c.upper() for c in 'abc'])
print([(i, j) for i in range(3) for j in range(i)])
print([[j for j in range(i)] for i in range(4)])
print([x for x in [1, -2, 3, -4] if x > 0 if x < 3])
words = ['apple', 'kiwi', 'banana']
print([len(w) for w in words])
x = 'outer'
print([x for x in range(2)], x)
n = 3
print([n * i for i in range(4)])
print([i for i in []])
