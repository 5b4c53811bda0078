# abs() of a type without __abs__ raises TypeError; __abs__ is honoured.
for v in ('x', None, [1]):
    try:
        abs(v)
    except TypeError as e:
        print(type(e).__name__, e)
class A:
    def __abs__(self):
        return 42
print(abs(A()))
