# A metaclass's __iter__, __len__ make enum-like classes iterable; plain classes are not.
class EnumMeta(type):
    def __iter__(cls):
        return iter([v for k, v in vars(cls).items() if k.isupper()])
    def __len__(cls):
        return len(list(iter(cls)))
class Color(metaclass=EnumMeta):
    RED = 1
    GREEN = 2
print(list(Color), len(Color), 2 in Color, 5 in Color, [c for c in Color])
for x in (int, list):
    try:
        iter(x)
    except TypeError as e:
        print(e)
try:
    1 in int
except TypeError as e:
    print(e)
try:
    len(int)
except TypeError as e:
    print(e)
print(callable(int), bool(int), hash(int) == hash(int))
