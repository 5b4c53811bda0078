# round() on floats with and without ndigits (banker's rounding).
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5))
print(round(2.675, 2) in (2.67, 2.68), round(1.25, 1), round(1.375, 2))
print(round(1234.5, -1), round(1250.0, -2), round(-3.75, 1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(2.5, 0))
print(round(7), round(15, -1), round(25, -1), round(-15, -1), round(123, 1))
try:
    round(float('inf'))
except OverflowError as e:
    print(type(e).__name__)
try:
    round(float('nan'))
except ValueError as e:
    print(type(e).__name__)
