# Closures that keep and rebind enclosing variables with nonlocal.
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c1 = counter()
c2 = counter()
print(c1(), c1(), c1(), c2())
def make_acc():
    total = 0
    items = []
    def acc(v):
        nonlocal total
        total += v
        items.append(v)
        return total, len(items)
    return acc
a = make_acc()
a(5)
print(a(10))
def outer():
    x = 'outer'
    def middle():
        def inner():
            nonlocal x
            x = 'changed by inner'
        inner()
    middle()
    return x
print(outer())
def late_binding():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    return [f() for f in fs]
print(late_binding())
