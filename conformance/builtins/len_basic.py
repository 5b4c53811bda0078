# len() of builtins and user classes; errors.
print(len(''), len('abc'), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 2}))
print(len(b'xy'), len(range(10)), len(range(0, 10, 3)))
print(len('\u00e9\u20ac'), len(frozenset()))
class L:
    def __len__(self):
        return 7
print(len(L()))
for v in (5, None, iter([])):
    try:
        len(v)
    except TypeError as e:
        print(type(e).__name__)
class N:
    def __len__(self):
        return -1
try:
    len(N())
except ValueError as e:
    print(type(e).__name__)
