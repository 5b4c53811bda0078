# int.to_bytes() in both byte orders, signed and unsigned.
print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'))
print((255).to_bytes(1, 'big'), (0).to_bytes(3, 'big'))
print((-1).to_bytes(2, 'big', signed=True), (-256).to_bytes(2, 'little', signed=True))
print((2 ** 64).to_bytes(9, 'big'))
try:
    (256).to_bytes(1, 'big')
except OverflowError as e:
    print(type(e).__name__)
try:
    (-1).to_bytes(1, 'big')
except OverflowError as e:
    print(type(e).__name__)
