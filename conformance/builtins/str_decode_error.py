# Decoding invalid UTF-8 through str() raises a UnicodeError.
try:
    str(b'\xff', 'utf-8')
    print('no error')
except UnicodeError:
    print('UnicodeError')
