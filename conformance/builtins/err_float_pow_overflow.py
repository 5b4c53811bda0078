# A float power too large raises OverflowError with errno ERANGE's args.
for f in (lambda: 10.0 ** 400, lambda: 2.0 ** 10000, lambda: (-10.0) ** 401, lambda: 10 ** 400.0):
    try:
        f()
    except OverflowError as e:
        print(type(e).__name__, e, e.args)
print(2.0 ** -10000, float('inf') ** 2, 1e308 * 10)
