# Floor division and modulo follow the sign of the divisor.
print(7 // 2, 7 % 2)
print(-7 // 2, -7 % 2)
print(7 // -2, 7 % -2)
print(-7 // -2, -7 % -2)
print(6 // 3, 6 % 3)
print(-6 // 3, -6 % 3)
print(0 // 5, 0 % 5)
print(1 // 10, -1 // 10)
print(1 % 10, -1 % 10)
print(100 % 7, -100 % 7)
# invariant a == (a // b) * b + a % b for mixed signs
for a in (13, -13, 0, 1, -1):
    for b in (4, -4, 1, -1, 13):
        q = a // b
        r = a % b
        print(a, b, q, r, q * b + r == a)
print(7.5 // 2, 7.5 % 2)
print(-7.5 // 2, -7.5 % 2)
