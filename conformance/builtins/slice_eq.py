# slice objects compare equal by (start, stop, step).
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(None) == slice(None, None, None))
