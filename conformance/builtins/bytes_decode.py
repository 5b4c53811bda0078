# bytes.decode and str.encode round trips.
print(b'abc'.decode(), b'abc'.decode('utf-8'))
s = 'caf\u00e9 \u20ac'
e = s.encode()
print(len(s), len(e), e)
print(e.decode() == s)
