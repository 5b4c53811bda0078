# reversed() over sequences, ranges and __reversed__.
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed((1,))))
print(list(reversed(range(5))), list(reversed(range(1, 10, 3))), list(reversed([])))
print(list(reversed(b'ab')), list(reversed({'a': 1, 'b': 2})))
class R:
    def __reversed__(self):
        return iter('zyx')
print(list(reversed(R())))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 2
print(list(reversed(Seq())))
