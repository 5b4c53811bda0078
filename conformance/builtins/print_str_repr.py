# print uses str(); containers use repr() of their items.
class P:
    def __str__(self):
        return 'str-P'
    def __repr__(self):
        return 'repr-P'
print(P(), [P()], (P(),), {'k': P()})
print('q', ['q'], ("it's",), ['a"b'])
print(str(P()), repr(P()), '%s %r' % (P(), P()))
