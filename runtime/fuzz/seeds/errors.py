for src in ['1 +', 'def f(:', '  x', 'return 1', '1 = 2', 'x = (', 'f(x for x in y, 1)']:
    try:
        compile(src, '<s>', 'exec')
    except SyntaxError as e:
        print(type(e).__name__, e)
try:
    raise ValueError('a') from KeyError('b')
except ValueError as e:
    print(repr(e), repr(e.__cause__))
