# Late additions: slice.indices, range.index/count, set *_update, ord(bytes),
# whitespace split with maxsplit.
for sl in [slice(None), slice(-100, 100, 3), slice(100, -100, -3), slice(2, None, -1), slice(-1, -10, -2)]:
    print([sl.indices(n) for n in (0, 1, 7)])
try:
    slice(None, None, 0).indices(3)
except ValueError as e:
    print("ValueError:", e)
r = range(3, 40, 5)
print(r.index(18), r.count(18), r.count(19), r.count(8.0), range(9, -9, -3).index(-6))
for bad in (99, "x"):
    try:
        r.index(bad)
    except ValueError as e:
        print("ValueError:", e)
s = {10, 20, 30, 40}
s.intersection_update(range(0, 35, 10), [20, 30, 10])
print(sorted(s))
s.difference_update({10}, "ab")
print(sorted(s))
s.symmetric_difference_update([30, 50])
print(sorted(s))
print(ord(b"z"), ord(bytearray(b"\x80")))
for x in (b"", bytearray(b"xy")):
    try:
        ord(x)
    except TypeError as e:
        print("TypeError:", e)
t = "\t p  q r \n"
print(t.split(None, 1), t.rsplit(None, 1), t.split(maxsplit=0), t.rsplit(maxsplit=0))
print(True.real, True.numerator, False.denominator, True.conjugate(), (2**70).numerator, (-3).conjugate(), (7).imag)
