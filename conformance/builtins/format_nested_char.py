# Replacement fields nested in a format spec share the automatic numbering;
# 'c' formats any code point, in str.format and in %.
print("{:{}}|{:{}.{}f}|{:>{}}".format("x", 4, 3.14159, 8, 2, "r", 3))
print("{0:{1}}|{2:>{w}}".format("ab", 5, 7, w=4))
print("{:c}|{:>3c}|%c|%-3c|".format(9731, 65) % (233, "é"))
print("%*d|%-*s|%.*f" % (5, 3, 4, "a", 2, 3.14159))
