# round() on ints and bools; errors for bad ndigits.
print(round(5), round(-5), round(True), type(round(5)).__name__)
print(round(12345, -2), round(12350, -2), round(12450, -2), round(-12350, -2))
print(round(2 ** 70, -20))
try:
    round(1, 1.5)
except TypeError as e:
    print(type(e).__name__)
try:
    round('1')
except TypeError as e:
    print(type(e).__name__)
