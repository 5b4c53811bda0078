# str.format with positional, keyword, index and attribute fields.
print('{} {}'.format(1, 2), '{1} {0}'.format('a', 'b'), '{x}-{y}'.format(x=1, y=2))
print('{0[1]} {1[k]}'.format([5, 6], {'k': 'v'}), '{{}} {}'.format(3))
print('{!r} {!s}'.format('q', 'q'), '{0!r:>6}'.format('a'))
print('{:>8}|{:<8}|{:^8}|'.format('r', 'l', 'c'), '{:08.3f}'.format(3.14159))
print('{:,}'.format(1234567), '{:x} {:#o}'.format(255, 8), '{:*^9}'.format('mid'))
class P:
    n = 'attr'
print('{0.n}'.format(P()), '{:{w}}|'.format('v', w=4))
