# eval() strips leading and trailing spaces and tabs of its expression.
print(eval('  5 '))
print(eval('\t1 + 1\n'))
