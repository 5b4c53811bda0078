# int() base argument errors.
try:
    int('1', 1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int('1', 37)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(5, 10)
except TypeError as e:
    print(type(e).__name__)
try:
    int(None)
except TypeError as e:
    print(type(e).__name__)
try:
    int([])
except TypeError as e:
    print(type(e).__name__)
