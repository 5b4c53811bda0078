# tuple construction, methods and operators.
t = (1, 2, 3, 2)
print(t, len(t), t[1], t[-1], t[1:3], t[::-1])
print(t.count(2), t.index(3), tuple(), tuple('ab'), tuple([1]), (5,))
print(t + (9,), (0,) * 3, 2 in t, (1, 2) < (1, 3), (1, 2) == (1, 2))
a, *b = t
print(a, b)
print(hash((1, 2)) == hash((1, 2)))
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__)
try:
    t.index(99)
except ValueError as e:
    print(type(e).__name__)
try:
    t[4]
except IndexError as e:
    print(type(e).__name__, e)
