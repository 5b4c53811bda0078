# Builtin methods taken from their class check their first argument.
print(str.upper('abc'), list.count([1, 2, 1], 1), dict.get({'a': 1}, 'a'))
for f, arg in ((str.upper, 5), (list.append, 'x'), (dict.keys, []), (int.bit_length, 'x')):
    try:
        f(arg)
    except TypeError as e:
        print(type(e).__name__, e)


class S(str):
    pass


print(str.upper(S('boxed')), str.count(S('four'), 'o'))
