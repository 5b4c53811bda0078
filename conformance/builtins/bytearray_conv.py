# bytearray converts to and from bytes, decodes, has a length.
print(bytes(bytearray(b'q')), bytearray(b'xyz').decode(), len(bytearray(4)))
print(bytearray(b'ab') == b'ab', repr(bytearray(b'z')))
