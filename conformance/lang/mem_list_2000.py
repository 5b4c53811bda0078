# A list of 2000 ints built by append, summed and scanned (about 8 KB).
l = []
for i in range(2000):
    l.append(i * 3)
print(len(l))
print(sum(l))
print(l[0], l[999], l[-1])
total = 0
for v in l:
    if v % 2 == 0:
        total += v
print(total)
print(max(l), min(l))
l = None
# building and dropping several smaller lists exercises the collector
for rounds in range(10):
    tmp = []
    for i in range(500):
        tmp.append(i)
    s = sum(tmp)
print(s)
