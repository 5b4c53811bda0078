# int numeric-tower attributes: real, imag, numerator, denominator, conjugate.
print((5).real, (5).imag)
print((5).numerator, (5).denominator)
print((12).conjugate())
