# __import__ returns a module object; import errors (caught as ImportError,
# which the subclass ModuleNotFoundError also satisfies).
m = __import__('sys')
print(type(m).__name__, m.__name__)
import sys
print(m is sys)
try:
    __import__('no_such_module_pyrite_q')
except ImportError:
    print('ImportError')
try:
    import no_such_module_pyrite_z
except ImportError:
    print('ImportError')
