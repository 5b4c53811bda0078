# Chains mixing is, in, not in and ordering; short-circuit side effects.
a = [1, 2]
b = a
print(1 in a in [a], 3 not in a is b)
print(a is b is not None)
print(1 < 2 == 2 < 3 != 4)
print(0 < 1 > -1 < 5)
calls = []
def v(x):
    calls.append(x)
    return x
print(v(5) > v(4) > v(6) > v(0))
print(calls)
calls = []
print(v(1) < v(2) <= v(2) < v(3))
print(calls)
x = 5
print(1 < x < 10 and 10 > x > 1)
print('a' < 'b' < 'c' == 'c')
