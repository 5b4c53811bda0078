# center, ljust, rjust, zfill.
print('[' + 'ab'.center(6) + ']', '[' + 'ab'.center(7, '*') + ']', '[' + 'abc'.center(2) + ']')
print('[' + 'ab'.ljust(5) + ']', '[' + 'ab'.rjust(5, '.') + ']', '[' + 'ab'.ljust(1) + ']')
print('42'.zfill(5), '-42'.zfill(5), '+7'.zfill(4), 'abc'.zfill(2), ''.zfill(3))
try:
    'a'.center(5, 'xy')
except TypeError as e:
    print(type(e).__name__)
