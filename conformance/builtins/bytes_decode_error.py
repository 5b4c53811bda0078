# Decoding invalid UTF-8 raises UnicodeError (a ValueError).
try:
    b'\xff\xfe'.decode()
    print('no error')
except UnicodeError:
    print('UnicodeError')
try:
    bytes([0xc3]).decode('utf-8')
    print('no error')
except ValueError:
    print('ValueError')
