# compile() in exec and eval modes, then running the code object.
c = compile('x = 6 * 7', '<s>', 'exec')
print(type(c).__name__)
g = {}
exec(c, g)
print(g['x'])
e = compile('1 + 2 * 3', '<s>', 'eval')
print(eval(e))
s = compile('print("single")', '<s>', 'single')
exec(s)
try:
    compile('1', '<s>', 'bogus')
except ValueError as e:
    print(type(e).__name__)
