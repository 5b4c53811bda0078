x = (((((((((([1, {2: (3, [4, {5}])}]))))))))))
def f(a, *b, c=1, **d):
    if a:
        for i in range(a):
            while i:
                try:
                    with open('x') as g:
                        pass
                except Exception as e:
                    i -= 1
                finally:
                    pass
    return [y for y in b if y] + list(d)
print(x, f(3, 1, 2, k=4))
