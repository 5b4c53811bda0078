# Bad format specs raise ValueError; wrong types raise TypeError.
for v, spec in ((1, 'z'), ('s', 'd'), (1.5, 'x'), (1, ',c')):
    try:
        format(v, spec)
    except ValueError as e:
        print(type(e).__name__)
try:
    format(1, 2)
except TypeError as e:
    print(type(e).__name__)
try:
    '{'.format(1)
except ValueError as e:
    print(type(e).__name__)
try:
    '{0} {2}'.format(1, 2)
except IndexError as e:
    print(type(e).__name__)
try:
    '{k}'.format(j=1)
except KeyError as e:
    print(type(e).__name__, e)
