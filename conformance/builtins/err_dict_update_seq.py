# dict() from a sequence whose items are not pairs.
for f in (lambda: dict([1]), lambda: dict([(1, 2), 3]), lambda: dict([(1, 2, 3)]), lambda: {}.update([None])):
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(dict(iter([(1, 2)])), dict((k, v) for k, v in [('a', 1)]), dict([iter('ab')]))
