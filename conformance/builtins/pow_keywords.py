# pow() accepts base, exp and mod as keywords.
print(pow(base=2, exp=5), pow(2, exp=3, mod=5))
