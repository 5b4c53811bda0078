# list method errors with stable messages.
l = [1, 2]
try:
    l.remove(9)
except ValueError as e:
    print(type(e).__name__)
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    l.pop(5)
except IndexError as e:
    print(type(e).__name__, e)
try:
    l[2]
except IndexError as e:
    print(type(e).__name__, e)
try:
    l[0:1] = 5
except TypeError as e:
    print(type(e).__name__)
try:
    l.index(7)
except ValueError as e:
    print(type(e).__name__)
try:
    l['a']
except TypeError as e:
    print(type(e).__name__)
