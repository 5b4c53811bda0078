# Calling with keyword arguments, mixed with positional ones.
def f(a, b, c=3, d=4):
    print(a, b, c, d)
f(1, 2)
f(1, 2, d=40)
f(a=10, b=20)
f(b=2, a=1, d=0, c=9)
f(1, c=30, b=20)
def g(x, y=5):
    return x - y
print(g(y=1, x=10))
print(g(10))
try:
    f(1)
except TypeError:
    print('TypeError missing arg')
try:
    f(1, 2, e=5)
except TypeError:
    print('TypeError unexpected kw')
try:
    f(1, 2, a=1)
except TypeError:
    print('TypeError multiple values')
try:
    g(1, 2, 3)
except TypeError:
    print('TypeError too many')
print(sorted([3, 1, 2], reverse=True))
print('a', 'b', sep='-')
