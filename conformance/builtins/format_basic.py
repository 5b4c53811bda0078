# format() builtin on ints and strings with fill, align, sign, base.
print(format(42), format(42, 'd'), format(42, '5d'), format(42, '<5d') + '|')
print(format(42, '^7') + '|', format(42, '*>6'), format(-42, '06d'), format(42, '+d'))
print(format(255, 'x'), format(255, 'X'), format(255, '#x'), format(8, 'o'), format(5, 'b'), format(5, '#010b'))
print(format(1234567, ','), format(1234567, '_'), format(255, '_x'))
print(format('ab', '>5') + '|', format('ab', '<5') + '|', format('ab', '^6') + '|', format('abcdef', '.3'))
print(format(65, 'c'), format(True), format(None))
class F:
    def __format__(self, spec):
        return 'F<' + spec + '>'
print(format(F(), 'xyz'), '{:abc}'.format(F()))
