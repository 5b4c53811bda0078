# list() copies; nested lists share inner objects.
a = [[1], [2]]
b = list(a)
print(b == a, b is a, b[0] is a[0])
b.append(3)
print(len(a), len(b))
print(list(range(3)), list(map(abs, [-1])), list('hi'), list(b'hi'))
try:
    list(5)
except TypeError as e:
    print(type(e).__name__)
try:
    list(1, 2)
except TypeError as e:
    print(type(e).__name__)
