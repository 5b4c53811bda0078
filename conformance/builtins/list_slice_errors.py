# Extended slice assignment requires equal length; step 0 is rejected.
l = list(range(6))
try:
    l[::2] = [1]
except ValueError as e:
    print(type(e).__name__)
try:
    l[::0]
except ValueError as e:
    print(type(e).__name__, e)
print(l[10:], l[-100:2], l[4:1], l[::-2])
