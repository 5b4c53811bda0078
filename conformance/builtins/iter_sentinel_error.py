# iter(x, sentinel) requires x to be callable.
try:
    iter(5, 0)
    print('no error')
except TypeError as e:
    print(type(e).__name__)
