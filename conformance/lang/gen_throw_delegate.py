# throw() and close() reach the innermost generator of a yield from chain.
def inner():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print('inner caught', e)
        yield 'recovered'
    finally:
        print('inner finally')


def outer():
    r = yield from inner()
    print('outer after', r)
    yield 'outer end'


g = outer()
print(next(g))
print(g.throw(ValueError('x')))
print(next(g))
g = outer()
next(g)
g.close()
print('closed')
g = outer()
next(g)
try:
    g.throw(KeyError('k'))
except KeyError as e:
    print('propagated', e)
