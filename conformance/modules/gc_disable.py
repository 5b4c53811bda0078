# exp: manual
# With automatic collection off, a heap full of garbage raises MemoryError
# instead of collecting; gc.collect() still frees it (MicroPython's rule).
import gc

gc.collect()
gc.disable()
got = "no error"
keep = None
try:
    for i in range(100000):
        keep = bytearray(64)
except MemoryError:
    got = "MemoryError"
keep = None
gc.collect()
gc.enable()
print(got)
for i in range(100000 // 10):
    keep = bytearray(64)
print("collected automatically again")
