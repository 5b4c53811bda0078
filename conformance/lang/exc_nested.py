# Exceptions crossing function frames, nested handlers, finally ordering.
def level3():
    raise ValueError('deep')
def level2():
    try:
        level3()
    finally:
        print('level2 finally')
def level1():
    try:
        level2()
    except KeyError:
        print('wrong handler')
    print('not reached')
try:
    level1()
except ValueError as e:
    print('top caught', e)
def handler_raises():
    try:
        raise KeyError('first')
    except KeyError:
        raise IndexError('second')
try:
    handler_raises()
except IndexError as e:
    print('got', type(e).__name__, e.args)
def finally_then_return():
    try:
        return 'try'
    finally:
        print('in finally')
print(finally_then_return())
count = 0
for i in range(5):
    try:
        try:
            if i % 2:
                raise ValueError(i)
        finally:
            count += 1
    except ValueError as e:
        print('odd', e.args[0])
print('count', count)
def loop_break():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print('finally', i)
    return i
print(loop_break())
