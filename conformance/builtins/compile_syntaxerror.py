# compile() reports SyntaxError with the line number.
srcs = ['x = = 1', 'a = 1\nb = (\n', 'def f(:\n  pass', 'a = 1\nb = 2\n1 +\n']
for src in srcs:
    try:
        compile(src, '<s>', 'exec')
        print('no error')
    except SyntaxError as e:
        print(type(e).__name__, e.lineno)
