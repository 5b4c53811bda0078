# float.fromhex() reads hexadecimal floats, rounding correctly.
for s in ('0x1.8p+0', ' -0X1P-2 ', '0x.8', '1.8p1', 'inf', '-Infinity', 'nan', '0x1.fffffffffffff8p1023',
          '0x1.00000000000008p0', '0x1.000000000000081p0', '0x123456789abcdef123p-10', '0x1p-1074',
          '0x1p', 'x', '', '0x1.2.3', '0x1p1024'):
    try:
        print(repr(s), float.fromhex(s))
    except (ValueError, OverflowError) as e:
        print(repr(s), type(e).__name__, e)
print(float.fromhex((3.141592653589793).hex()) == 3.141592653589793)
