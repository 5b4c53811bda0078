# __bool__ returning a non-bool raises TypeError; bool cannot be subclassed.
class Bad:
    def __bool__(self):
        return 1
try:
    bool(Bad())
except TypeError as e:
    print(type(e).__name__)
try:
    class MyBool(bool):
        pass
except TypeError as e:
    print(type(e).__name__)
try:
    bool(1, 2)
except TypeError as e:
    print(type(e).__name__)
