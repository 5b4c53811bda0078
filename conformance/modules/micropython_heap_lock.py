# exp: manual
# micropython.heap_lock: every allocation raises MemoryError until the
# matching heap_unlock; locks nest and heap_unlock returns the depth left.
import micropython

print(micropython.heap_locked())
micropython.heap_lock()
try:
    x = [1, 2, 3]
    r = "allocated"
except MemoryError:
    r = "MemoryError"
depth = micropython.heap_unlock()
print(r, depth)

micropython.heap_lock()
micropython.heap_lock()
d1 = micropython.heap_locked()
n = 1 + 2  # small ints need no heap
d2 = micropython.heap_unlock()
d3 = micropython.heap_unlock()
print(d1, n, d2, d3, micropython.heap_locked())
print([1, 2, 3])
