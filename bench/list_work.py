# List appends, indexing, slicing and sorting.
def run(n):
    xs = []
    for i in range(n):
        xs.append((i * 7919) % 1009)
    total = 0
    for i in range(len(xs)):
        total += xs[i]
    ys = sorted(xs[: n // 2])
    xs.reverse()
    return total, ys[0], ys[-1], xs[0], len(ys)

print(run(300000))
