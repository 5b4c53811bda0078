# gc: collect, enable, disable, isenabled (as CPython has them).
import gc

gc.collect()
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
x = [list(range(10)) for i in range(20)]
gc.collect()
print(len(x), sum(len(r) for r in x))
gc.enable()
print(gc.isenabled())
del x
gc.collect()
print("ok")
