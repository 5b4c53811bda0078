# max()/min() with key=; ties keep the first element.
w = ['bb', 'a', 'ccc', 'dd']
print(max(w, key=len), min(w, key=len), max('x', 'yy', 'zz', key=len))
print(min([3, -7, 5], key=abs), max([(1, 'b'), (2, 'a')], key=lambda p: p[1]))
print(max([], key=len, default='none'))
print(min(1, 2, key=lambda v: -v))
