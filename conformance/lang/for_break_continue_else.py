# break, continue and else in for loops, including nested loops.
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    print(i)
for x in [1, 2, 3]:
    pass
else:
    print('else ran')
for x in [1, 2, 3]:
    if x == 2:
        break
else:
    print('never')
print('x is', x)
# primes by trial division, using for-else
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=' ')
print()
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        print(i, j)
