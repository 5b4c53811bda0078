# exp: manual
# Nesting far deeper than a board's C stack allows raises RecursionError
# while compiling and the interpreter carries on (CPython accepts 100
# parentheses and rejects 300 with "too many nested parentheses"; a board
# stops earlier, but must never crash).
kinds = (('(', '1', ')'), ('[', '', ']'), ('abs(', '1', ')'), ('-', '1', ''), ('not ', 'x', ''), ('2 ** ', '2', ''))
for depth in (100, 300):
    for opener, mid, closer in kinds:
        src = 'x = ' + opener * depth + mid + closer * depth
        try:
            exec(src)
            print(depth, opener, 'compiled')
        except RecursionError as e:
            print(depth, opener, type(e).__name__)
        src = None
print(eval('((((((((((1))))))))))'))
