# TypeError messages for operators on unsupported types.
cases = [lambda: 1 + 'a', lambda: 'a' + 1, lambda: [1] + (2,), lambda: 1 < 'x', lambda: {} < {},
         lambda: -'a', lambda: ~1.5, lambda: 'a' * 1.5, lambda: None + None, lambda: 2 ** 'x',
         lambda: len(5), lambda: 5[0], lambda: 5(), lambda: hash([])]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(e)
