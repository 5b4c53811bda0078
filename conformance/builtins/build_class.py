# __build_class__ exists and is callable.
print(callable(__build_class__))
