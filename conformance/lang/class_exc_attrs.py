# An exception subclass with extra attributes and its own __str__.
class E(ValueError):
    def __init__(self, code, *args):
        super().__init__(*args)
        self.code = code
    def __str__(self):
        return 'E%d: %s' % (self.code, self.args[0] if self.args else '')
try:
    raise E(7, 'boom')
except ValueError as e:
    print(e, e.code, e.args, isinstance(e, E))
