# Deeply nested source must parse and run: 20 levels of brackets and
# calls, 15 of blocks (on the ESP8266 the parser has an 8 KiB C stack).
x = ((((((((((((((((((((1 + 2))))))))))))))))))))
print(x)
l = [[[[[[[[[[[[[[[[[[[[0]]]]]]]]]]]]]]]]]]]]
depth = 0
while isinstance(l, list):
    l = l[0]
    depth += 1
print(depth, l)
f = abs
print(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(-7)))))))))))))))))))))
d = {'a': {'b': {'c': {'d': {'e': {'f': {'g': {'h': (1, (2, (3, [4, {5: 6}])))}}}}}}}}
print(d['a']['b']['c']['d']['e']['f']['g']['h'][1][1][1][1][5])
print(-(-(-(-(-(-(-(-(-(-(3)))))))))), not not not not not not True)
print(2 ** 2 ** 2 ** 1, (((1 if 1 else 2) if 1 else 3) if 1 else 4))
n = 0
if n == 0:
    if n < 1:
        if n < 2:
            if n < 3:
                if n < 4:
                    if n < 5:
                        if n < 6:
                            if n < 7:
                                if n < 8:
                                    if n < 9:
                                        if n < 10:
                                            if n < 11:
                                                if n < 12:
                                                    if n < 13:
                                                        if n < 14:
                                                            print('15 ifs')
total = 0
for a in range(2):
    for b in range(2):
        for c in range(2):
            for d in range(2):
                for e in range(2):
                    for f in range(1):
                        for g in range(1):
                            for h in range(1):
                                for i in range(1):
                                    for j in range(1):
                                        for k in range(1):
                                            for m in range(1):
                                                for o in range(1):
                                                    for p in range(1):
                                                        for q in range(2):
                                                            total += 1
print(total)
i = 0
while i < 1:
    i += 1
    try:
        raise ValueError('v')
    except Exception as exc:
        if True:
            for z in [1]:
                while True:
                    try:
                        if z:
                            for y in (1,):
                                if y:
                                    try:
                                        while z:
                                            z -= 1
                                            print('mixed', type(exc).__name__)
                                    finally:
                                        pass
                        break
                    finally:
                        pass
