# tuple/list comparisons element by element, and errors for mixed types.
print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 3), () < (0,), (2,) > (1, 9))
print((1, 'a') == (1, 'a'), (1, 2) != (1, 2.0), [1, [2]] == [1, [2]])
print(max([(1, 'b'), (1, 'a')]), sorted([(2, 1), (1, 2), (1, 1)]))
try:
    (1, 'a') < (1, 2)
except TypeError as e:
    print(type(e).__name__)
try:
    [1] < (1,)
except TypeError as e:
    print(type(e).__name__)
