# float() parse errors and arithmetic errors.
for s in ('x', '', '1.2.3', '1e'):
    try:
        float(s)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    float([1])
except TypeError as e:
    print(type(e).__name__)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    int(float('inf'))
except OverflowError as e:
    print(type(e).__name__)
try:
    int(float('nan'))
except ValueError as e:
    print(type(e).__name__)
