# Exception objects: args, str, repr, and catching by base class.
e = ValueError('a', 1)
print(e.args, str(e))
e = ValueError('only')
print(e.args, str(e))
e = ValueError()
print(e.args, repr(str(e)))
e = KeyError('key')
print(e.args, str(e))
print(isinstance(ZeroDivisionError(), ArithmeticError))
print(isinstance(IndexError(), LookupError), isinstance(KeyError(), LookupError))
print(isinstance(ValueError(), Exception), isinstance(StopIteration(), Exception))
try:
    raise IndexError('x')
except LookupError as err:
    print('LookupError caught', type(err).__name__)
try:
    raise ZeroDivisionError
except ArithmeticError as err:
    print('ArithmeticError caught', type(err).__name__)
print(type(Exception('m')).__name__)
