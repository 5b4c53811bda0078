# reversed() rejects sets, ints and plain iterators.
for v in ({1, 2}, 5, iter([1])):
    try:
        reversed(v)
        print('no error')
    except TypeError as e:
        print(type(e).__name__)
