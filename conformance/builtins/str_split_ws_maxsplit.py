# Whitespace split with maxsplit keeps the unsplit remainder as is.
s = '  a  b c  '
print(s.split(None, 1), s.rsplit(None, 1))
print(s.split(maxsplit=2), s.rsplit(maxsplit=0))
