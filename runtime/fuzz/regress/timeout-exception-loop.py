x = (((((((((([1, {2: (3, [4, {5}])}]))))))))))
def f(a, *b, c=1, **d):
    if a:
        for i in range(a):
            while i:
                try:
                    with open('x') as g:
                        pass
                except Exception as e:
                    i -= 0
                finally:
                    pass
    return [y for y in b if y] + list(d)
print(x, f(8, 1, 2, k=4))
