# List concatenation, repetition, equality, identity and copying by slice.
a = [1, 2]
b = [3]
print(a + b)
print(b + a)
print(a * 3)
print(3 * b)
print([] * 5, a * 0)
print(a + [])
c = a + b
c.append(4)
print(a, b, c)
print([1, 2] == [1, 2], [1, 2] is [1, 2])
row = [0] * 3
grid = [row] * 2
grid[0][0] = 1
print(grid)
print(len([None] * 100))
x = [1, 2, 3]
y = x
x = x + [4]
print(x, y)
print(max([4, 9, 2]), min([4, 9, 2]), sum([4, 9, 2]))
