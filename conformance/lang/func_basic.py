# Defining and calling functions; return values; functions as values.
def add(a, b):
    return a + b
def greet(name):
    print('hello', name)
def pair(a, b):
    return a, b
print(add(2, 3))
print(add('ab', 'cd'))
print(add([1], [2]))
r = greet('board')
print(r)
x, y = pair(1, 2)
print(x, y, pair(3, 4))
f = add
print(f(10, 20))
def apply(fn, v):
    return fn(v, v)
print(apply(add, 21))
def early(n):
    for i in range(n):
        if i == 3:
            return i
    return -1
print(early(10), early(2))
def no_args():
    return 'none needed'
print(no_args())
def multi_return():
    return [1, 2, 3]
print(len(multi_return()))
