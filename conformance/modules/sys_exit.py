# sys.exit raises SystemExit with the code given; catching it keeps going.
import sys

for args in [(), (0,), (3,), ("bye",), (None,)]:
    try:
        sys.exit(*args)
    except SystemExit as e:
        print(type(e).__name__, e.args, e.code)
try:
    sys.exit(1)
except Exception:
    print("not an Exception")
except BaseException as e:
    print("BaseException", e.code)
