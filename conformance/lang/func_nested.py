# Functions defined inside functions, reading enclosing locals (no nonlocal).
def outer(x):
    def inner(y):
        return y * 2
    return inner(x) + 1
print(outer(5))
def make_adder(n):
    def add(v):
        return v + n
    return add
add3 = make_adder(3)
add10 = make_adder(10)
print(add3(1), add10(1))
def compose(f, g):
    def h(v):
        return f(g(v))
    return h
double_then_add3 = compose(add3, make_adder(0))
print(double_then_add3(4))
def counter_list():
    items = []
    def push(v):
        items.append(v)
        return len(items)
    push(1)
    push(2)
    return items
print(counter_list())
def level1():
    a = 'a'
    def level2():
        b = 'b'
        def level3():
            return a + b + 'c'
        return level3()
    return level2()
print(level1())
