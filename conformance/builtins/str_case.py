# upper, lower, title, capitalize, swapcase.
s = 'hello wORLD 42abc'
print(s.upper(), '|', s.lower(), '|', s.title())
print(s.capitalize(), '|', s.swapcase())
print("it's a-b c_d".title(), ''.capitalize(), 'x'.upper())
