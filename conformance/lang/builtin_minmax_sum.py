# min, max, sum and abs over ints, lists, strings.
print(min(3, 1, 2), max(3, 1, 2))
print(min([7, -2, 5]), max([7, -2, 5]))
print(min('hello'), max('hello'))
print(max(['apple', 'pear', 'fig']))
print(min((4,)), max(-1, -5))
print(sum([]), sum([1, 2, 3]), sum((10, 20)))
print(sum([1, 2, 3], 100))
print(sum([2 ** 70, 2 ** 70]))
print(abs(-5), abs(5), abs(0), abs(-(2 ** 70)))
print(max(1, 2 ** 64), min(-1, -(2 ** 64)))
def neg(v):
    return -v
print(max([1, 5, 3], key=neg), min([1, 5, 3], key=neg))
try:
    max([])
except ValueError:
    print('ValueError empty max')
try:
    sum(['a', 'b'])
except TypeError:
    print('TypeError sum str')
