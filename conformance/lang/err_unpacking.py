# ValueError and TypeError messages of unpacking assignments.
def unpack(v, n):
    if n == 2:
        a, b = v
    elif n == 3:
        a, b, c = v
    else:
        a, *b, c = v
    return 'ok'


for v, n in (((1,), 2), ((1, 2, 3), 2), ([1, 2], 3), ((1,), 0), (5, 2), (iter([1, 2, 3]), 2)):
    try:
        print(unpack(v, n))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
