# float.hex() writes the exact bits in hexadecimal.
for x in (1.5, 1.0, 0.0, -0.0, 0.1, -2.5e-310, 5e-324, 1e308, float('inf'), float('-inf'), float('nan')):
    print(x.hex())
