# binascii: hexlify (with separators), unhexlify, base64 both ways, crc32.
import binascii

print(binascii.hexlify(b"\x00\xffab"), binascii.hexlify(bytearray(b"xy")), binascii.hexlify(b""))
print(binascii.hexlify(b"\x01\x02\x03", "-"), binascii.hexlify(b"\x01\x02\x03", b":"), binascii.hexlify(b"\x01\x02\x03\x04", " ", 2))
print(binascii.hexlify(b"\x01\x02\x03\x04\x05", ".", -2), binascii.b2a_hex(b"AB"), binascii.a2b_hex("4142"))
print(binascii.unhexlify(b"00ff6162"), binascii.unhexlify("DEADbeef"), binascii.unhexlify(""))
print(binascii.b2a_base64(b"hello"), binascii.b2a_base64(b"hello", newline=False), binascii.b2a_base64(b""))
for n in range(5):
    enc = binascii.b2a_base64(bytes(range(n)), newline=False)
    print(n, enc, binascii.a2b_base64(enc) == bytes(range(n)))
print(binascii.a2b_base64(b"aGVsbG8=\n"), binascii.a2b_base64("aGVs bG8="), binascii.a2b_base64(b"////"))
print(binascii.crc32(b"hello"), binascii.crc32(b""), binascii.crc32(b"world", binascii.crc32(b"hello ")), binascii.crc32(b"hello world"))
print(binascii.crc32(b"a" * 1000), binascii.crc32(bytearray(b"x"), 0xFFFFFFFF))
for bad in (lambda: binascii.unhexlify(b"abc"), lambda: binascii.unhexlify(b"zz"), lambda: binascii.a2b_base64(b"abc"),
            lambda: binascii.hexlify("str"), lambda: binascii.a2b_base64(b"a")):
    try:
        bad()
        print("no error")
    except (binascii.Error, TypeError) as e:
        print(type(e).__name__, e)
print(issubclass(binascii.Error, ValueError))
