# Float division by zero: each operator has its own message, divmod too.
for f in (lambda: 1.0 % 0, lambda: 1.0 // 0, lambda: 1.0 / 0, lambda: divmod(1.0, 0),
          lambda: divmod(1, 0.0), lambda: 1 % 0.0, lambda: divmod(2.5, False)):
    try:
        f()
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
