# Names, rebinding, multiple targets and tuple unpacking.
a = 1
b = a
a = 2
print(a, b)
x = y = z = 7
print(x, y, z)
p, q = 3, 4
print(p, q)
p, q = q, p
print(p, q)
(m, n) = [5, 6]
print(m, n)
i, j, k = 'xyz'
print(i, j, k)
l1 = [1, 2]
l2 = l1
l2.append(3)
print(l1, l1 is l2)
_under = 'ok'
camelCase2 = 'fine'
print(_under, camelCase2)
a, (b, c) = 1, (2, 3)
print(a, b, c)
