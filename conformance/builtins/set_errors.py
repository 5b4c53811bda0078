# set errors: unhashable members, pop from empty, remove of a missing member.
s = {1}
try:
    s.add([1])
except TypeError as e:
    print(type(e).__name__)
try:
    set().pop()
except KeyError as e:
    print(type(e).__name__)
try:
    s.remove(2)
except KeyError as e:
    print(type(e).__name__, e)
