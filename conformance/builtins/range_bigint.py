# range bounds beyond a machine word: indexing works, len() overflows.
big = range(10 ** 30)
print(big[-1] == 10 ** 30 - 1, 10 ** 29 in big)
try:
    len(big)
except OverflowError as e:
    print(type(e).__name__)
