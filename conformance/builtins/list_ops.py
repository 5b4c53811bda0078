# list operators: +, *, +=, *=, comparisons, in, slicing assignment.
a = [1, 2]
print(a + [3], a * 2, [0] * 0, 2 * a)
b = a
b += [9]
print(a, a is b)
b *= 2
print(a)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [] == [], [1] != [1.0])
l = list(range(8))
l[2:5] = ['x']
print(l)
l[::2] = 'ABC'
print(l)
del l[1::3]
print(l)
print(list('abc'), list(), list((1, 2)), list({'k': 0}))
