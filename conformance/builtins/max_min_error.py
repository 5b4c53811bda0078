# max()/min() errors.
try:
    max([])
except ValueError as e:
    print(type(e).__name__)
try:
    min()
except TypeError as e:
    print(type(e).__name__)
try:
    max(1, 'a')
except TypeError as e:
    print(type(e).__name__)
try:
    max(5)
except TypeError as e:
    print(type(e).__name__)
