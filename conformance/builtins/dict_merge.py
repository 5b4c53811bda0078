# dict | and |= (merge operators).
a = {'x': 1, 'y': 2}
b = {'y': 20, 'z': 30}
print(a | b, b | a)
a |= b
print(a)
try:
    a | [('q', 1)]
except TypeError as e:
    print(type(e).__name__)
