# Indentation whose meaning depends on the tab size raises TabError.
bad = [
    "if 1:\n        x = 1\n\ty = 2\n",
    "if 1:\n\tx = 1\n        y = 2\n",
    "if 1:\n    if 1:\n\tx = 1\n",
    "if 1:\n\tif 1:\n\t\tx = 1\n        y = 2\n",
]
for src in bad:
    try:
        exec(src)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, isinstance(e, IndentationError))
try:
    compile("def f():\n\treturn 1\n        pass\n", "<s>", "exec")
except TabError as e:
    print("compile:", e.msg)
print(TabError.__mro__[1].__name__, issubclass(TabError, SyntaxError))
# Tabs used the same way on every line are fine.
exec("if 1:\n\tif 1:\n\t\tz = 3\n\tw = 4\n")
exec("if 1:\n\t    a = 5\n\t    b = 6\n")
print(z, w, a, b)
