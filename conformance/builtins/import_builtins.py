# The builtins module: its names, and a name stored there seen everywhere.
import builtins
print(builtins.__name__, builtins.len('abc'), builtins.print is print, hasattr(builtins, 'zip'))
print(builtins.ValueError is ValueError, hasattr(builtins, 'no_such_builtin'))
builtins.shared_answer = 42
def f():
    return shared_answer
print(f())
import builtins as b2
print(b2 is builtins, 'shared_answer' in dir(builtins))
try:
    builtins.missing_thing
except AttributeError as e:
    print('AttributeError', e)
