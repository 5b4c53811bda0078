# Wrong argument counts to module functions: one-argument ones name the module.
import math
for f in (lambda: math.sqrt(), lambda: math.floor(1, 2), lambda: math.pow(1), lambda: math.atan2(1, 2, 3),
          lambda: math.sqrt(x=1)):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
