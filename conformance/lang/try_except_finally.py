# try / except / finally: which blocks run and in what order.
def run(n):
    try:
        print('try', n)
        if n == 1:
            raise ValueError('v')
        if n == 2:
            raise KeyError('k')
        print('no error')
    except ValueError:
        print('caught ValueError')
    except KeyError:
        print('caught KeyError')
    finally:
        print('finally', n)
run(0)
run(1)
run(2)
def ret_in_try():
    try:
        return 'from try'
    finally:
        print('finally before return')
print(ret_in_try())
def uncaught():
    try:
        raise IndexError('i')
    finally:
        print('finally while propagating')
try:
    uncaught()
except IndexError:
    print('caught outside')
try:
    try:
        1 / 0
    except ValueError:
        print('wrong handler')
except ZeroDivisionError:
    print('outer caught ZeroDivisionError')
try:
    raise TypeError
except (ValueError, TypeError):
    print('tuple of types')
try:
    raise KeyError('x')
except Exception:
    print('base class catches')
