# repr()/str() with user __repr__ and __str__ fallbacks.
class R:
    def __repr__(self):
        return 'R()'
class S:
    def __str__(self):
        return 'S!'
print(repr(R()), str(R()), [R()], str(S()))
print(repr(S()).startswith('<'), type(S()).__name__)
class Bad:
    def __repr__(self):
        return 5
try:
    repr(Bad())
except TypeError as e:
    print(type(e).__name__)
