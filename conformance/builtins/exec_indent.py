# Indentation errors are SyntaxError subclasses.
for src in ('if 1:\npass', '  x = 1', 'if 1:\n    a = 1\n  b = 2'):
    try:
        exec(src)
    except SyntaxError as e:
        print(isinstance(e, SyntaxError), e.lineno)
print(issubclass(IndentationError, SyntaxError))
