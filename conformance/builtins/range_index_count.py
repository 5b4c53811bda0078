# range.index() and range.count().
r = range(1, 20, 4)
print(r.index(13), r.count(5), r.count(6))
print(range(10, 0, -2).index(4))
try:
    range(3).index(5)
except ValueError as e:
    print(type(e).__name__)
