# chr() and ord() over ASCII and beyond.
print(chr(65), chr(97), chr(48), repr(chr(0)), repr(chr(10)))
print(ord('A'), ord('z'), ord('\n'), ord(' '))
print(ord('\u00e9'), ord('\u20ac'), chr(233) == '\u00e9', chr(0x20ac) == '\u20ac')
print(''.join(chr(ord(c) + 1) for c in 'HAL'))
print(ord(chr(0x10348)) == 0x10348)
