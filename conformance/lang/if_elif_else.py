# if / elif / else chains and nesting.
def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    else:
        return 'large'
for v in (-5, 0, 3, 10, 99):
    print(v, classify(v))
x = 5
if x:
    print('truthy')
if not x:
    print('never')
else:
    print('else branch')
if x > 1:
    if x > 3:
        print('nested both')
    else:
        print('nested outer only')
if '':
    print('empty string true?')
elif []:
    print('empty list true?')
else:
    print('empties are false')
y = 'big' if x > 3 else 'small'
print(y)
