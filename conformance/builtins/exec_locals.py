# exec() with separate globals and locals: assignments go to locals.
g = {'a': 5}
l = {}
exec('z = a + 1', g, l)
print(l, 'z' in g)
