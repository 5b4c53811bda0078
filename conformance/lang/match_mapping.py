# Mapping patterns: required keys, extra keys allowed, **rest, dict subclasses.
from collections import OrderedDict


def shape(x):
    match x:
        case {"type": "point", "x": px, "y": py}:
            return "point %d,%d" % (px, py)
        case {"type": t, **others}:
            return "typed %s %r" % (t, sorted(others))
        case {1: one}:
            return "int key %r" % (one,)
        case {}:
            return "some dict %d" % len(x)
        case _:
            return "not a mapping"


for v in [{"type": "point", "x": 1, "y": 2, "z": 0}, {"type": "q", "a": 1, "b": 2}, {1: "x"}, {"k": 1}, {},
          OrderedDict(type="od"), [("type", 1)], "type"]:
    print(shape(v))
