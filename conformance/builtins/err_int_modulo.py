# Integer division by zero: % names modulo alone; //, divmod and / differ.
for f in (lambda: 1 % 0, lambda: (10**30) % 0, lambda: 1 // 0, lambda: (10**30) // 0,
          lambda: divmod(1, 0), lambda: divmod(10**30, 0), lambda: 1 / 0):
    try:
        f()
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
