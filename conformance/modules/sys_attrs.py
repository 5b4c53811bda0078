# sys: the attributes a program may rely on, by type and shape.
import sys

print(type(sys.argv) is list)
print(type(sys.path) is list, all(type(p) is str for p in sys.path))
print(type(sys.modules) is dict, sys.modules["sys"] is sys)
print(sys.byteorder in ("little", "big"))
print(type(sys.maxsize) is int, sys.maxsize >= 2**30 - 1)
print(type(sys.platform) is str, len(sys.platform) > 0)
print(type(sys.version) is str, sys.version[:2])
print(sys.version_info[0], sys.version_info >= (3, 4), len(sys.version_info) >= 3)
print(type(sys.implementation.name) is str, len(sys.implementation.version) >= 3)
print(callable(sys.exit))
