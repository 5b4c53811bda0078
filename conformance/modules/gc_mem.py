# exp: manual
# gc.mem_free, gc.mem_alloc and gc.threshold (MicroPython only).
import gc

gc.collect()
free0, used0 = gc.mem_free(), gc.mem_alloc()
print(type(free0) is int, type(used0) is int, free0 > 0, used0 > 0)
big = bytearray(4000)
print(gc.mem_alloc() >= used0 + 4000, gc.mem_free() <= free0 - 4000)
# 120 KB in all through a 38 KB heap: only reclaimed blocks make room. The
# collector is conservative, so a stale word on the C stack may keep the
# last block alive: after the collection less than two blocks are in use.
for i in range(30):
    big = bytearray(4000)
del big
gc.collect()
print(gc.mem_alloc() < used0 + 8000)
print(gc.threshold())
gc.threshold(2048)
print(gc.threshold())
junk = 0
for i in range(200):
    junk = [i] * 20
print(gc.threshold())
gc.threshold(-1)
print(gc.threshold())
