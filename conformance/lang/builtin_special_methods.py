# Special methods of builtin types are reachable as attributes: bound
# (d.__getitem__ as a key function), unbound (int.__add__) and via super()
# in subclasses of builtins.
d = {"a": 3, "b": 5}
print(max(d, key=d.__getitem__), d.__contains__("a"), d.__len__())
print([1, 2].__len__(), "ab".__contains__("a"), (1).__add__(2), (3).__mul__(2), (2).__pow__(3))
print("x".__eq__("x"), "x".__ne__("y"), (1).__lt__(2), (5).__neg__(), (1).__bool__(), (1.5).__int__())
print((1).__truediv__(2), (1).__radd__(2), (1).__add__("s"), "a".__hash__() == hash("a"))
print(int.__add__(1, 2), str.__add__("a", "b"), list.__len__([1]), dict.__getitem__(d, "a"))
it = iter([7, 8])
print(it.__next__(), next(it), list(iter([5, 6, 7]).__next__ for _ in range(0)))
print([hasattr(5, n) for n in ("__len__", "__add__", "__iter__", "__getitem__")])
print([hasattr("s", n) for n in ("__len__", "__iter__", "__getitem__", "__contains__")])
l = [1]
print(l.__iadd__([2]), l, {1}.__or__({2}))


class CI(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)

    def __getitem__(self, k):
        return super().__getitem__(k.lower())

    def __contains__(self, k):
        return super().__contains__(k.lower())


c = CI()
c["A"] = 1
print(c["a"], "A" in c, c)


class L(list):
    def __len__(self):
        return super().__len__() * 10

    def __iter__(self):
        return super().__iter__()


print(len(L([1, 2])), list(L([3])))


class S(str):
    def __add__(self, o):
        return S(super().__add__(o).upper())


class I(int):
    def __add__(self, o):
        return I(super().__add__(o) + 100)

    def __repr__(self):
        return "I(" + super().__repr__() + ")"


print(S("a") + "b", I(1) + 2, repr(I(5)))
