# Dictionary inserts, lookups and updates with int and str keys.
def run(n):
    d = {}
    for i in range(n):
        d[i % 1000] = d.get(i % 1000, 0) + i
    names = {}
    for i in range(n // 10):
        key = "k" + str(i % 97)
        names[key] = names.get(key, 0) + 1
    return sum(d.values()), len(names), names["k5"]

print(run(11000000))
