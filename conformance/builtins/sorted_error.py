# sorted() errors: mixed types, keyword-only key, bad key results.
try:
    sorted([1, 'a'])
except TypeError as e:
    print(type(e).__name__)
try:
    sorted([1, 2], len)
except TypeError as e:
    print(type(e).__name__)
try:
    sorted(5)
except TypeError as e:
    print(type(e).__name__)
try:
    sorted(['a', 'b'], key=lambda s: None if s == 'a' else 1)
except TypeError as e:
    print(type(e).__name__)
