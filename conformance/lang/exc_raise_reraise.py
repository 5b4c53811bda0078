# raise with class and instance, and bare raise inside except.
def f(kind):
    if kind == 0:
        raise ValueError
    if kind == 1:
        raise ValueError('with message')
    raise RuntimeError('rt', 2)
for k in range(3):
    try:
        f(k)
    except Exception as e:
        print(type(e).__name__, e.args)
def reraise():
    try:
        raise KeyError('inner')
    except KeyError:
        print('handling, then re-raising')
        raise
try:
    reraise()
except KeyError as e:
    print('outer got', e.args)
def convert():
    try:
        [][0]
    except IndexError:
        raise ValueError('converted')
try:
    convert()
except ValueError as e:
    print('got', e.args[0])
err = TypeError('made first')
try:
    raise err
except TypeError as e:
    print(e is err, e.args)
try:
    try:
        raise OSError(5)
    except OSError as e:
        print('OSError', e.args)
        raise
except OSError:
    print('re-raised OSError')
