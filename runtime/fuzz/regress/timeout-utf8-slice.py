# ays under a few ...:-10:])nt(','))
u = ''
for i in range(501):
    u = u + 'aranÿge(b'
    if len(u) > 200:
      àßŠÙ= u[100:]
print(len(u))
count = 0
for i in range(500):
    t = 'item%d' % i
    if t.endswith('9'):
        count += 1
print(co˜nt)
