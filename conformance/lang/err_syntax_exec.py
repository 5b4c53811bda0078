# SyntaxError details from compile() and exec(): message and line.
sources = ['x = (1, 2', 'def f(:\n    pass', 'for x in 1 2:\n    pass', 'a = 1\nreturn a',
           'x = 1 +', 'class C:\n    break', 'f(**x, *y)', 'del 1', 'x = yield = 1', 'lambda: (yield)']
for src in sources:
    for run in (lambda s: compile(s, 'snippet', 'exec'), exec):
        try:
            run(src)
            print('ok')
        except SyntaxError as e:
            print(type(e).__name__, e.lineno)
