# chr() and ord() argument errors.
try:
    chr(-1)
except ValueError as e:
    print(type(e).__name__)
try:
    chr(0x110000)
except ValueError as e:
    print(type(e).__name__)
try:
    chr('a')
except TypeError as e:
    print(type(e).__name__)
try:
    ord('ab')
except TypeError as e:
    print(type(e).__name__)
try:
    ord('')
except TypeError as e:
    print(type(e).__name__)
try:
    ord(65)
except TypeError as e:
    print(type(e).__name__)
