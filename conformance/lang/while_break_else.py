# while with break, and the else clause that runs only without break.
i = 0
while i < 5:
    i += 1
else:
    print('finished at', i)
i = 0
while i < 10:
    if i == 3:
        print('breaking at', i)
        break
    i += 1
else:
    print('never printed')
n = 0
while True:
    n += 1
    if n >= 4:
        break
print('n =', n)
while False:
    print('never')
else:
    print('else of a loop that never ran')
# search with else
def find(seq, target):
    k = 0
    while k < len(seq):
        if seq[k] == target:
            print('found', target, 'at', k)
            break
        k += 1
    else:
        print(target, 'not found')
find([4, 8, 15], 8)
find([4, 8, 15], 16)
