# hash(): equality properties and small-int values.
print(hash(0), hash(1), hash(-5), hash(100))
print(hash(True) == hash(1), hash(False) == 0)
print(hash('abc') == hash('ab' + 'c'), hash(b'xy') == hash(bytes(b'xy')))
print(hash((1, 'a')) == hash((1, 'a')), hash(1.0) == hash(1), hash(2.5) == hash(2.5))
print(type(hash('s')).__name__)
class K:
    def __hash__(self):
        return 42
print(hash(K()))
for v in ([], {}, set()):
    try:
        hash(v)
    except TypeError as e:
        print(type(e).__name__)
