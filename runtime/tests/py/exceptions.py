def f(x):
    if x == 0:
        raise ValueError("zero!")
    return 10 / x
for v in (2, 0, "s"):
    try:
        print(f(v))
    except ValueError as e:
        print("ValueError:", e)
    except TypeError as e:
        print("TypeError:", e)
    else:
        print("no error")
    finally:
        print("finally", v)
class MyError(Exception):
    pass
class Detailed(MyError):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code
try:
    raise Detailed(42)
except MyError as e:
    print(type(e).__name__, e, e.code, e.args, isinstance(e, Exception))
try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e, repr(e))
try:
    [1][5]
except IndexError as e:
    print(e)
try:
    undefined_name
except NameError as e:
    print(e)
try:
    None.attr
except AttributeError as e:
    print(e)
try:
    int("xyz")
except ValueError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
def nested():
    try:
        try:
            raise RuntimeError("inner")
        finally:
            print("inner finally")
    except RuntimeError as e:
        print("outer caught", e)
        return "ret"
    finally:
        print("outer finally")
print(nested())
def in_loop():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("fin", i)
    return i
print(in_loop())
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("converted")
except ValueError as e:
    print(e, type(e.__context__).__name__)
try:
    raise KeyError("k") from None
except KeyError as e:
    print(e.__cause__, e.__suppress_context__)
try:
    try:
        raise TypeError("t")
    except TypeError:
        raise
except TypeError as e:
    print("reraised", e)
e = Exception("a", 1)
print(e, repr(e), e.args, repr(ValueError()), str(ValueError()))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError))
try:
    raise StopIteration
except Exception as ex:
    print("caught class", repr(ex))
def gen_fin():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")
for v in gen_fin():
    print(v)
class CM:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v)
        return t is ValueError
with CM() as cm:
    print("inside", type(cm).__name__)
with CM():
    raise ValueError("suppressed")
print("after with")
try:
    with CM():
        raise KeyError("escapes")
except KeyError as e:
    print("escaped", e)
import sys
try:
    sys.exit(3)
except SystemExit as e:
    print("exit code", e.code)
try:
    def r(): return r()
    r()
except RecursionError as e:
    print("RecursionError", e)
