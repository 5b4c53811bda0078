# dict |= accepts an iterable of pairs (| does not).
a = {'x': 1}
a |= [('w', 0), ('x', 2)]
print(a)
