# Default argument values are evaluated once, at definition time.
def power(base, exp=2):
    return base ** exp
print(power(3))
print(power(3, 3))
def greet(name, greeting='hello', punct='!'):
    return greeting + ' ' + name + punct
print(greet('a'))
print(greet('b', 'hi'))
print(greet('c', 'hey', '?'))
n = 10
def show(v=n):
    return v
n = 20
print(show())
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1))
print(append_to(2))
def none_default(x=None):
    if x is None:
        x = []
    x.append(1)
    return x
print(none_default(), none_default())
