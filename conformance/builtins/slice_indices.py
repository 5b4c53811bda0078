# slice.indices() clamps to a sequence length.
print(slice(1, 5, 2).indices(4), slice(None, None, -1).indices(5), slice(-3, None).indices(10))
try:
    slice(0, 1, 0).indices(5)
except ValueError as e:
    print(type(e).__name__)
