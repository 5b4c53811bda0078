# A dict of 300 int keys, then 300 string keys: growth, lookups, deletes.
d = {}
for i in range(300):
    d[i] = i * i
print(len(d), d[0], d[150], d[299])
ok = True
for i in range(300):
    if d[i] != i * i:
        ok = False
print(ok)
for i in range(0, 300, 2):
    d.pop(i)
print(len(d), 2 in d, 3 in d)
keys = []
for k in d:
    keys.append(k)
print(keys[:5], keys[-3:])
d = None
s = {}
for i in range(300):
    s['key' + str(i)] = i
print(len(s), s['key0'], s['key299'])
t = 0
for v in s.values():
    t += v
print(t)
