# str.partition and rpartition.
print('key=value=x'.partition('='), 'key=value=x'.rpartition('='))
print('novalue'.partition('='), 'novalue'.rpartition('='))
print('abab'.partition('ab'), ''.partition('x'))
try:
    'a'.partition('')
except ValueError as e:
    print(type(e).__name__, e)
