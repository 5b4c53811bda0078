# exp: manual
# MicroPython's old u-prefixed names import the built-in modules
# (backwards compatible since MicroPython 1.21), and nothing else.
import time, utime, ujson, json, uos, os, ucollections, collections
print(utime is time, ujson is json, uos is os, ucollections is collections)
from ustruct import pack
print(pack('<H', 258))
for name in ('umissing_module', 'u', 'uu'):
    try:
        __import__(name)
    except ImportError as e:
        print(type(e).__name__, e)
