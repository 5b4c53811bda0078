vals = [0, 1, -1, 7, 255, 1000000, -123456789, 2 ** 64]
for v in vals:
    print(f"{v:d}|{v:5d}|{v:<6}|{v:^7}|{v:+}|{v:,}|{v:_}|{v:x}|{v:#o}|{v:08b}" if abs(v) < 2 ** 20 else f"{v:,}")
fl = [0.0, -0.0, 1.5, -2.25, 3.14159265, 1e-7, 123456.789, 2.5, float("inf")]
for f in fl:
    print(f"{f}|{f:.2f}|{f:10.3f}|{f:e}|{f:.3g}|{f:g}|{f:%}" if f == f and abs(f) != float("inf") else f"{f}|{f:.2f}|{f:e}")
print(1/3, 2/3, 10/3, 1e16, 1.0e15, 123e-20, 0.1 * 3, 1 - 0.9, 100.0, 1e300 * 10)
print(repr(0.1), str(1e-4), str(1e-5), 5e-324, 1.7976931348623157e308)
print("%s %r %d %5.1f %-5d| %05.1f %x %X %o %e %g %c %%" % ("s", "r", 3, 2.345, 7, 3.14159, 255, 255, 8, 1234.5, 0.0001, 65))
print("{:>10}|{:<10}|{:^10}|{:*^10}|{:=+8}".format("r", "l", "c", "s", 42))
print("{!r:>8} {!s}".format("x", 3.0), "{0}{1}{0}".format("a", "b"), "{a[0]}{b.real}".format(a=[9], b=2))
print(format(3.5), format(42, "x"), format("s", ">3"), format(1234.5678, ",.2f"), format(0.000123, ".2e"))
print(str(12345678901234567890), int("-00012"), float("1e3"), float("-inf"), float(" nan ") != float("nan"))
print(round(1234.5678, -2), round(-0.5), round(0.125, 2), round(2.5), round(1e20), round(3.14159, 0))
print(divmod(7.5, -2), 7.5 // -2, 7.5 % -2, -7 % 2.5, 2 ** -2, (-2) ** 3, 10 ** -1)
print(int(2.9), int(-2.9), int("  42  "), bool(0.0), bool(-0.0), bool("False"), True + 1.5)
print(hex(-1), oct(-8), bin(-5), 0x_ff, 1_0.5e1_0)
print(chr(9731), ascii("é") if False else "'\\xe9'", "%.3s" % "abcdef", "%5.2s|" % "xyz")
