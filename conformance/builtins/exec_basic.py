# exec() defines names in the given namespace and returns None.
g = {}
r = exec('def f(n):\n    return n * 3\ny = f(4)', g)
print(r, g['y'], g['f'](2))
exec('print("from exec")')
src = 'total = 0\nfor i in range(5):\n    total += i\n'
ns = {}
exec(src, ns)
print(ns['total'])
