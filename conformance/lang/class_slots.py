# __slots__ is accepted; instances still take the listed attributes.
class P:
    __slots__ = ('x', 'y')

    def __init__(self, x):
        self.x = x
        self.y = x * 2


p = P(3)
print(p.x, p.y, P.__slots__)
