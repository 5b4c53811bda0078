# max()/min() reject default= when given several positional arguments.
for f in (max, min):
    try:
        f(1, 2, default=0)
        print('no error')
    except TypeError as e:
        print(type(e).__name__)
