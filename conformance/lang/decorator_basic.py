# Function decorators, stacked decorators, decorators with arguments.
def shout(fn):
    def wrapper(*args):
        return fn(*args).upper()
    return wrapper
@shout
def greet(name):
    return 'hello ' + name
print(greet('board'))
calls = []
def logged(fn):
    def wrapper(*args, **kw):
        calls.append(fn.__name__)
        return fn(*args, **kw)
    return wrapper
def times(n):
    def deco(fn):
        def wrapper(x):
            for _ in range(n):
                x = fn(x)
            return x
        return wrapper
    return deco
@logged
@times(3)
def double(x):
    return x * 2
print(double(1), double(5))
print(calls)
registry = []
def register(fn):
    registry.append(fn.__name__)
    return fn
@register
def a():
    pass
@register
def b():
    pass
print(registry, a() is None)
