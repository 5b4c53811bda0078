# None: identity, equality, truthiness, implicit return value.
x = None
print(x)
print(x is None, x is not None)
print(x == None, x != 0)
print(repr(None), str(None))
def nothing():
    pass
def early(flag):
    if flag:
        return
    return 1
print(nothing())
print(early(True), early(False))
print(nothing() is None)
print([None, None])
print(bool(None))
