# NameError and UnboundLocalError messages.
def f():
    print(v)
    v = 1


for call in (lambda: undefined_name, f, lambda: [q for q in range(2) if zz]):
    try:
        call()
    except NameError as e:
        print(type(e).__name__, e)


def g():
    x = 1
    del x
    return x


try:
    g()
except UnboundLocalError as e:
    print(type(e).__name__, e)
