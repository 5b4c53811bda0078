# int.from_bytes() in both byte orders, signed and unsigned.
print(int.from_bytes(b'\x04\x00', 'big'), int.from_bytes(b'\x04\x00', 'little'))
print(int.from_bytes(b'\xff\xff', 'big', signed=True), int.from_bytes(b'\xff\xff', 'big'))
print(int.from_bytes(b'', 'big'), int.from_bytes(bytearray(b'\x01\x02'), 'little'))
print(int.from_bytes(b'\x01' + bytes(9), 'big'))
print(int.from_bytes(b'\x80', 'big', signed=True))
n = 123456789123456789
print(int.from_bytes(n.to_bytes(8, 'little'), 'little') == n)
