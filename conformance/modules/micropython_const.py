# exp: manual
# micropython.const gives back its argument; opt_level is kept.
import micropython
from micropython import const

X = const(5)
NAME = const("name")
print(X, NAME, const(2) * 3, const(1 << 10))
print(micropython.opt_level())
micropython.opt_level(2)
print(micropython.opt_level())
micropython.opt_level(0)
print(micropython.opt_level())
print(micropython.alloc_emergency_exception_buf(100))
