# with statement: __enter__/__exit__ order, exceptions, suppression.
class Ctx:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print('exit', self.name, 'clean')
        else:
            print('exit', self.name, exc_type.__name__)
        return self.suppress
with Ctx('a') as v:
    print('body', v)
try:
    with Ctx('b'):
        raise ValueError('inside')
except ValueError:
    print('propagated')
with Ctx('c', suppress=True):
    raise KeyError('swallowed')
print('after suppressed')
with Ctx('outer') as o, Ctx('inner') as i:
    print('both', o, i)
def early():
    with Ctx('ret'):
        return 'returned'
print(early())
for k in range(2):
    with Ctx('loop%d' % k):
        if k == 0:
            continue
        print('second pass')
