# str.encode and bytes round trip with non-ASCII text.
print('abc'.encode(), 'abc'.encode('utf-8'), '\u00e9'.encode(), '\u20ac'.encode())
print(len('\U0001f600'.encode()), type('x'.encode()).__name__)
