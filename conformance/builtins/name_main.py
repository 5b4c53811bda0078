# __name__ is '__main__' in the script, and functions carry __name__.
print(__name__)
def f():
    return __name__
print(f())
print(f.__name__, len.__name__, int.__name__)
