# iter(callable, sentinel) stops when the callable returns the sentinel.
vals = [3, 2, 1, 0, 9]
pos = [0]
def nxt():
    v = vals[pos[0]]
    pos[0] += 1
    return v
print(list(iter(nxt, 0)))
