# Defining __eq__ without __hash__ makes a class unhashable.
class E:
    def __eq__(self, o):
        return True
try:
    hash(E())
except TypeError as e:
    print(type(e).__name__)
class P:
    pass
a = P()
print(hash(a) == hash(a), a == a, a == P())
class H:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __hash__(self):
        return hash(self.v)
print(len({H(1), H(1), H(2)}))
