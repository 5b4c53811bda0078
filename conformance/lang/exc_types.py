# Exceptions the runtime raises, identified by type name only.
def show(fn):
    try:
        fn()
        print('no exception')
    except Exception as e:
        print(type(e).__name__)
def zero_div():
    return 1 // 0
def zero_mod():
    return 5 % 0
def zero_true():
    return 1 / 0
def key():
    return {}['k']
def index():
    return [1][3]
def str_index():
    return 'ab'[5]
def add_str():
    return 1 + 'a'
def name():
    return not_defined_anywhere
def value():
    return int('x')
def call_int():
    n = 5
    return n()
def attr():
    return (1).no_such_attr
def bad_unpack():
    a, b = [1, 2, 3]
    return a
def ok():
    return 1
for fn in (zero_div, zero_mod, zero_true, key, index, str_index, add_str,
           name, value, call_int, attr, bad_unpack, ok):
    show(fn)
