# str(bytes, encoding) decodes.
print(str(b'abc', 'utf-8'))
print(str(b'\xc3\xa9', 'utf-8') == '\u00e9')
