# array: typecodes, construction, indexing, slicing, iteration, bytes
# round trips, methods and their errors.
from array import array

for tc in "bBhHiIqQfd":
    a = array(tc, [1, 2, 3])
    print(tc, a.typecode, a.itemsize, len(a), a[0], a[-1], list(a), a.tolist(), a)
print(array("l", [5, -6]).tolist(), array("L", [7]).tolist(), array("l").typecode)
print(array("b"), array("d", [1.5, -0.25]), array("f", [0.5]), array("i", range(4)))
a = array("h", [10, 20, 30, 40, 50])
print(a[1:3], a[::2], a[::-1], a[-2:], a[4:1:-2], a[10:])
a[0] = -5
a[1:3] = array("h", [7, 8, 9])
print(a, len(a))
a[::2] = array("h", [0, 0, 0])
print(a)
del a[1]
del a[::2]
print(a)
a.append(100)
a.extend([1, 2])
a.extend(array("h", [3]))
a.insert(0, -1)
a.insert(100, 99)
a.insert(-1, 98)
print(a, a.pop(), a.pop(0), a.index(100), a.count(1), 3 in a, 42 in a)
a.remove(100)
a.reverse()
print(a)
b = array("h", [1, 2]) + array("h", [3])
b += array("h", [4])
print(b, b * 2, b == array("h", [1, 2, 3, 4]), b != b, b < array("h", [1, 3]), array("i", [1]) == array("b", [1]))
b *= 2
print(b, bool(array("i")), bool(b))
print([x * 2 for x in array("B", b"\x01\x02\x03")])
print(array("H", [1, 258]).tobytes(), bytes(array("B", [65, 66])))
print(array("h", b"\x01\x00\x02\x00"), array("i", array("b", [1, -2])))
c = array("h")
c.frombytes(b"\x03\x00\x04\x00")
c.fromlist([5, 6])
print(c, array("d", array("d", [2.5]).tobytes()), array("I", [1, 2]).tobytes() == bytes(array("I", [1, 2])))
d = array("i", [1, 2])
d.byteswap()
print(d.tobytes(), d[0] == 0x01000000)
print(array("Q", [2**64 - 1])[0], array("q", [-2**63])[0], array("I", [2**32 - 1])[0])

for bad in [("b", [128]), ("b", [-129]), ("B", [-1]), ("B", [256]), ("h", [40000]), ("H", [-1]),
            ("H", [70000]), ("I", [-1]), ("q", [2**63]), ("Q", [-1]),
            ("Q", [2**64]), ("b", [1.5]), ("i", ["x"]), ("f", ["x"]), ("b", "abc"), ("z", []), ("bb", [])]:
    try:
        array(*bad)
        print(bad, "accepted")
    except (OverflowError, TypeError, ValueError) as e:
        print(bad, type(e).__name__, e)
a = array("h", [1, 2])


def setitem(i, v):
    a[i] = v


for op in (lambda: a.extend(array("i", [1])), lambda: a.frombytes(b"abc"), lambda: a[5],
           lambda: setitem(5, 1), lambda: a.pop(7), lambda: a.remove(9), lambda: a.index(9),
           lambda: a + array("b"), lambda: setitem(slice(0, 1), [1]), lambda: array("b").pop(),
           lambda: a + [1], lambda: a.fromlist((1,)), lambda: setitem(slice(0, 2, 2), array("h", [1, 2]))):
    try:
        op()
        print("no error")
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
a = array("b", [1, 2])
try:
    a.fromlist([3, 300])
except OverflowError:
    print("fromlist all or nothing:", a)
