# pow() errors.
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__)
try:
    pow('a', 2)
except TypeError as e:
    print(type(e).__name__)
