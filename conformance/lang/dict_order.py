# Insertion order is kept through updates, deletes by pop and re-inserts.
d = {}
for k in ['m', 'c', 'x', 'a']:
    d[k] = len(d)
print(d)
d['c'] = 'updated'
print(d)
d.pop('m')
print(d)
d['m'] = 'again'
print(d)
n = {}
for i in range(10, 0, -1):
    n[i] = i * i
print(n)
print(n.keys())
s = {}
s[3] = 'c'
s['b'] = 2
s[1] = 'a'
print(s)
