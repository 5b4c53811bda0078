# Subclasses of int and float work where builtins expect the builtin.
import math, json
class I(int): pass
class F(float): pass
x = I(5)
print(hex(x), oct(x), bin(x), pow(x, I(2), I(7)), '%d %x' % (x, x), json.dumps([x, F(1.5)]))
print(math.floor(x), math.factorial(I(4)), math.gcd(I(12), 8), [1, 2, 3, 4, 5, 6][I(1):I(3)], math.sqrt(F(4.0)))
