# continue skips to the next test of the loop condition.
i = 0
odds = []
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    odds.append(i)
print(odds)
# nested loops: break/continue affect only the inner loop
a = 0
while a < 3:
    b = 0
    while b < 5:
        b += 1
        if b == 2:
            continue
        if b == 4:
            break
        print(a, b)
    a += 1
print('done')
total = 0
n = 0
while n < 100:
    n += 1
    if n % 3:
        continue
    total += n
print(total)
