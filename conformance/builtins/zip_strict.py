# zip(strict=True) raises ValueError when the iterables differ in length.
print(list(zip([1, 2], "ab", strict=True)), list(zip([1], [2, 3])), list(zip(strict=True)))
for args in (([1], [1, 2]), ([1, 2], [1]), ([1, 2], [1, 2], [3]), ([1], [1], [1, 2]), ([1, 2, 3], [1, 2], [1])):
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError", e)
