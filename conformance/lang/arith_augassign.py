# Augmented assignment on ints, strings and lists.
x = 10
x += 5
print(x)
x -= 3
print(x)
x *= 4
print(x)
x //= 5
print(x)
x %= 4
print(x)
x **= 3
print(x)
s = 'ab'
s += 'cd'
s *= 2
print(s)
l = [1]
m = l
l += [2, 3]
print(l, m, l is m)
t = (1,)
t += (2,)
print(t)
