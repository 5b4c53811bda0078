# sum() with and without start; errors for strings.
print(sum([]), sum([1, 2, 3]), sum(range(101)), sum([1, 2], 10), sum((0.5, 0.25)))
print(sum([[1], [2, 3]], []), sum(((1,), (2,)), ()), sum([2 ** 64, 2 ** 64]))
print(sum(x * x for x in range(4)), sum([True, True, False]), sum([1, 2.5]))
print(sum([1], start=5))
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print(type(e).__name__)
try:
    sum([1, 'a'])
except TypeError as e:
    print(type(e).__name__)
try:
    sum(3)
except TypeError as e:
    print(type(e).__name__)
