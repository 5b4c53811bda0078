# pow(b, -1, m) computes a modular inverse (Python 3.8+).
print(pow(3, -1, 7), pow(38, -1, 97))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__)
