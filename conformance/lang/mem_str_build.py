# Building strings in a loop of 500 (each result stays under a few KB).
s = ''
for i in range(500):
    s += str(i % 10)
print(len(s))
print(s[:20], s[-10:])
parts = []
for i in range(500):
    parts.append(str(i))
joined = ','.join(parts)
print(len(joined))
print(joined[:30])
print(joined.count(','))
u = ''
for i in range(500):
    u = u + 'ab'
    if len(u) > 200:
        u = u[100:]
print(len(u))
count = 0
for i in range(500):
    t = 'item%d' % i
    if t.endswith('9'):
        count += 1
print(count)
