# str methods given a non-str argument: CPython's per-method wording.
s = 'abc'
for f in (lambda: s.count(1), lambda: s.find(1), lambda: s.split(1), lambda: s.rsplit(1),
          lambda: s.strip(1), lambda: s.lstrip(1), lambda: s.rstrip(1), lambda: s.partition(1),
          lambda: s.replace(1, 'a'), lambda: s.replace('a', 1), lambda: s.removeprefix(1),
          lambda: s.removesuffix(1), lambda: s.join(1), lambda: b'a'.join(1)):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
print(''.join(c for c in 'ok'), '-'.join(iter('ab')), ''.join(map(str, (1, 2))))
