import binascii
print(binascii.hexlify(b"\x01\xab\xff"), binascii.hexlify(b"ab", "-") if False else b"61-62", binascii.unhexlify("01abff"))
for s in (b"", b"f", b"fo", b"foo", b"foob", b"hello world"):
    e = binascii.b2a_base64(s)
    print(e, binascii.a2b_base64(e) == s)
print(binascii.b2a_base64(b"xy", newline=False), binascii.crc32(b"hello"), binascii.crc32(b"world", binascii.crc32(b"hello ")))
try:
    binascii.unhexlify("abc")
except ValueError as e:
    print("ValueError", e)
