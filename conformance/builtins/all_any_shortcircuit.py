# all() and any() stop consuming at the first deciding element.
seen = []
def gen(vals):
    for v in vals:
        seen.append(v)
        yield v
print(all(gen([1, 0, 2, 3])), seen)
seen.clear()
print(any(gen([0, 5, 0, 7])), seen)
try:
    all(5)
except TypeError as e:
    print(type(e).__name__)
try:
    any(None)
except TypeError as e:
    print(type(e).__name__)
