# Slicing a range returns a range.
r = range(0, 20, 2)
print(r[2:5], r[::-1], r[::3], r[-3:], r[5:1:-2])
print(list(r[1:4]), list(range(10)[8:2:-3]))
print(range(10)[::-1][0])
