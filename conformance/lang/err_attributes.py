# AttributeError messages for instances, classes, modules and builtins.
class A:
    pass


import math
for c in (lambda: A().missing, lambda: A.missing, lambda: (5).real.foo, lambda: 'x'.nope,
          lambda: math.nothing, lambda: setattr(5, 'x', 1), lambda: delattr(A(), 'zz'), lambda: None.x):
    try:
        c()
    except AttributeError as e:
        print(e)
