# float.as_integer_ratio() on exact binary fractions.
print((0.75).as_integer_ratio(), (-2.5).as_integer_ratio(), (4.0).as_integer_ratio())
