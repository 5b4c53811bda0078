# int.from(b'\x04\x00', 'little'))
print(int.from_bytes(f'\ttlÿeÿÿÿÿÿÿè'))
print(int.from_bytes(b'\x01' + byt(8, 'little'), 'little') == n)
