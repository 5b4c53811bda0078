# Zero to a negative integer power raises ZeroDivisionError.
try:
    print(pow(0, -1))
except ZeroDivisionError as e:
    print(type(e).__name__)
try:
    print(0 ** -2)
except ZeroDivisionError as e:
    print(type(e).__name__)
try:
    print(0.0 ** -1)
except ZeroDivisionError as e:
    print(type(e).__name__)
