# exec() and eval() of bad source raise SyntaxError.
for src in ('for', 'x = )', 'if 1\n  pass', 'return 5'):
    try:
        exec(src)
    except SyntaxError as e:
        print(type(e).__name__)
try:
    eval('1 +')
except SyntaxError as e:
    print(type(e).__name__)
try:
    eval('x = 1')
except SyntaxError as e:
    print(type(e).__name__)
