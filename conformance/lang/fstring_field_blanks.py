# Blanks around an f-string field's expression are allowed.
x = 3
d = {"k": 1}
print(f"{ x }|{ x + 1 }|{ d['k'] }|{ {'a': 2}['a'] }|{ 'y' !r}|{ 3.14159 :.2f}")
