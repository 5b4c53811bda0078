# exp: manual
# sys.print_exception (MicroPython only): the REPL's traceback, to the
# console or to a stream given as file.
import sys
import io


def fail():
    raise ValueError("bad value")


try:
    fail()
except ValueError as e:
    sys.print_exception(e)
    s = io.StringIO()
    sys.print_exception(e, s)
    print(repr(s.getvalue()))
try:
    raise KeyError("k")
except KeyError as e:
    sys.print_exception(e, sys.stdout)
