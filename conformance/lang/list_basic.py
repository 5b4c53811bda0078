# List creation, indexing, negative indexing, len, membership, mutation.
l = [10, 20, 30, 40]
print(l)
print(l[0], l[3], l[-1], l[-4])
print(len(l), len([]))
print(20 in l, 25 in l, 25 not in l)
l[1] = 'two'
print(l)
l[-1] = None
print(l)
l.append(50)
print(l, len(l))
m = [[1, 2], [3, 4]]
print(m[1][0], m[-1][-1])
m[0].append(9)
print(m)
print([])
print([1, 'a', None, True, [2]])
e = []
e.append(e == [])
print(e)
try:
    l[10]
except IndexError as err:
    print('IndexError', err)
try:
    l[-6] = 1
except IndexError:
    print('IndexError on store')
