# Parameters before / are positional-only: their names go to **kwargs or
# raise TypeError when passed as keywords.
def f(a, b, /, c, *, d=4, **kw):
    return a, b, c, d, kw


print(f(1, 2, 3), f(1, 2, c=3, a=9, b=8), f(1, 2, 3, d=0))
g = lambda x, /, y=2: (x, y)
print(g(1), g(1, y=5))
try:
    g(x=1)
except TypeError as e:
    print(e)
for src in ["def h(/, a): pass", "def h(a, /, b, /): pass", "def h(*, a, /): pass", "def h(a=1, /, b): pass"]:
    try:
        exec(src)
        print("ok")
    except SyntaxError as e:
        print("SyntaxError", e.msg)
