# iter() raises TypeError when __iter__ returns a non-iterator.
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
    print('no error')
except TypeError as e:
    print(type(e).__name__)
