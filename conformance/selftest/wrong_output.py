# Negative control: the expectation beside this file is deliberately wrong.
print('1 + 1 =', 1 + 1)
