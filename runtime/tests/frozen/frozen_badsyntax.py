# A syntax error in a frozen module is reported as such (not a crash).
def f(:
    pass
