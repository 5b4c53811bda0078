# lambda expressions: as values, as key functions, with defaults.
sq = lambda x: x * x
print(sq(7))
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
print(sorted(['ccc', 'a', 'bb'], key=lambda s: len(s)))
print(sorted([(1, 'b'), (2, 'a')], key=lambda p: p[1]))
print((lambda: 'no args')())
fns = [lambda x, k=k: x + k for k in range(3)]
print([f(10) for f in fns])
print(list(map(lambda v: v * 2, [1, 2, 3])))
print(list(filter(lambda v: v % 2, range(7))))
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, add)(2))
