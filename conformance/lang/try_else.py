# The else clause of try runs only when no exception was raised.
def check(v):
    try:
        r = 10 // v
    except ZeroDivisionError:
        print('zero')
    else:
        print('result', r)
    finally:
        print('done', v)
check(2)
check(0)
def else_raises():
    try:
        pass
    except ValueError:
        print('not here')
    else:
        raise ValueError('from else')
try:
    else_raises()
except ValueError as e:
    print('caught', e)
for i in range(3):
    try:
        if i == 1:
            continue
    except Exception:
        pass
    else:
        print('else', i)
    finally:
        print('finally', i)
