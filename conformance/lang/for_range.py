# for over range with one, two and three arguments.
for i in range(4):
    print(i, end=' ')
print()
for i in range(2, 6):
    print(i, end=' ')
print()
for i in range(0, 20, 5):
    print(i, end=' ')
print()
for i in range(10, 0, -3):
    print(i, end=' ')
print()
for i in range(-3, 3):
    print(i, end=' ')
print()
for i in range(5, 5):
    print('never')
for i in range(5, 0):
    print('never')
# loop variable keeps its last value
for k in range(3):
    pass
print(k)
s = 0
for i in range(101):
    s += i
print(s)
