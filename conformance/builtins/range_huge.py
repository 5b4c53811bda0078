# len and indexing of huge ranges without materialising them.
r = range(2 ** 40)
print(len(r), r[-1], 2 ** 39 in r)
r2 = range(0, 10 ** 12, 7)
print(len(r2), r2[1000], r2[-1])
print(range(-(2 ** 35), 2 ** 35)[2 ** 34])
