# pow() with a zero modulus raises ValueError, not ZeroDivisionError.
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
except ZeroDivisionError as e:
    print('wrong', type(e).__name__)
