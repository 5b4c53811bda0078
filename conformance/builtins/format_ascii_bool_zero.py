# Conversion !a and %a escape non-ASCII; bools with a spec format as ints; '0' fills with any alignment.
print(format(True, ""), format(True, "5"), format(False, "+d"), format(True, ".2f"), "{:>6}".format(False), f"{True:^7}|{True}")
print("%a|%5a" % ("é", "x"), "{!a:>8}".format("ü"), f"{'ø'!a}")
print("{:<08d}|{:^08d}|{:x<8d}|{:08}".format(42, 42, 42, -7))
