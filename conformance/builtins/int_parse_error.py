# int() parse errors with CPython's stable messages.
for args in (('x',), ('',), ('1_',), ('_1',), ('1__0',), ('12', 2), ('0x', 16), ('09', 0), ('1.0',)):
    try:
        int(*args)
    except ValueError as e:
        print(type(e).__name__, e)
