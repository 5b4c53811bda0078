# Closures capturing and updating outer variables.
def make_acc():
    total = 0

    def add(x):
        nonlocal total
        total += x
        return total

    return add

def run(n):
    acc = make_acc()
    scale = 3
    f = lambda v: v * scale
    r = 0
    for i in range(n):
        r = acc(f(i) & 15)
    return r

print(run(12000000))
