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

# Repeated rather than longer: the list stays within the benchmark heap.
for _ in range(150):
    r = run(60000)
print(r)
