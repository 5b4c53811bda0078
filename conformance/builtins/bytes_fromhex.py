# bytes.fromhex() parses pairs of hex digits, skipping spaces.
print(bytes.fromhex('00ff10'), bytes.fromhex('de ad be ef'), bytes.fromhex(''))
for bad in ('zz', 'abc'):
    try:
        bytes.fromhex(bad)
    except ValueError as e:
        print(type(e).__name__)
