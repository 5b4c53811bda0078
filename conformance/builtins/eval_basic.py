# eval() with globals and locals dictionaries.
print(eval('1 + 2'), eval('[x * 2 for x in range(3)]'))
x = 10
print(eval('x + 1'))
print(eval('a * b', {'a': 3, 'b': 4}))
try:
    eval('undefined_name_q')
except NameError as e:
    print(type(e).__name__)
try:
    eval(5)
except TypeError as e:
    print(type(e).__name__)
