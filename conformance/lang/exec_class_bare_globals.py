# A class statement run by exec() with globals lacking __name__ takes
# __module__ from the builtins module's name.
g = {}
exec("class K:\n    pass\nm = K.__module__\n", g)
print(g["m"])
