# The format() builtin with float specs.
print(format(3.14159, '.2f'), format(2.5, 'e'), format(0.00001234, 'g'))
print(format(1e16, 'g'), format(123456789.0, '.3g'), format(1.0, 'g'))
print(format(0.5), format(100.0, ''))
