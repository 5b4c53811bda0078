# list methods of the first cut: append, pop, insert, reverse.
l = [1, 2, 3]
l.append(4)
print(l)
print(l.pop(), l)
print(l.pop(0), l)
l.insert(0, 'first')
print(l)
l.insert(100, 'end')
print(l)
l.insert(-1, 'before end')
print(l)
l.insert(-100, 'start')
print(l)
l.reverse()
print(l)
print(l.pop(-2), l)
e = []
e.reverse()
print(e)
r = [1]
print(r.append(2), r.reverse(), r)
try:
    [].pop()
except IndexError:
    print('IndexError pop empty')
try:
    [1, 2].pop(5)
except IndexError:
    print('IndexError pop range')
