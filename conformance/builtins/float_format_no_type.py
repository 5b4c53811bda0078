# A float spec with a precision and no type: like 'g', but an exponent from exp == p - 1 on.
for v in [1063452876.4741118, 123.456, 1.5, 12.0, 100000.0, 1.0, 0.0001234, 99.99, 9.99, 0.5, 1e16, 12345.0]:
    print(format(v, ".1"), format(v, ".2"), format(v, ".3"), format(v, ".10"), "{:.0}".format(v), f"{v:.5}")
