# assert: passing, failing, with and without a message.
assert True
assert 1 + 1 == 2, 'never shown'
print('passed asserts')
try:
    assert False
except AssertionError as e:
    print('AssertionError', e.args)
try:
    assert 1 > 2, 'one is not greater'
except AssertionError as e:
    print('AssertionError', e)
def check(v):
    assert isinstance(v, int), 'need int'
    return v * 2
print(check(4))
try:
    check('x')
except AssertionError as e:
    print(e)
