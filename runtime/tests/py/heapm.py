import heapq, errno
h = []
for v in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, v)
print(h, [heapq.heappop(h) for _ in range(3)], h)
l = [9, 4, 7, 1, 8, 2]
heapq.heapify(l)
print(l, heapq.heapreplace(l, 6), l, heapq.heappushpop(l, 0), l)
print(errno.ENOENT, errno.EINVAL, errno.ETIMEDOUT, errno.errorcode[errno.EAGAIN])
try:
    raise OSError(errno.ENOENT, "no such")
except OSError as e:
    print(e.errno, e.args)
