# globals() and locals().
gv = 5
print(globals()['gv'], 'gv' in globals(), type(globals()).__name__)
globals()['newg'] = 7
print(newg)
def f(a):
    b = a + 1
    l = locals()
    return sorted(l.items())
print(f(1))
print(globals() is globals())
print('__name__' in globals())
