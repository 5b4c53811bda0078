# heapq (CPython's algorithms, so list orders match) and errno.
import heapq
import errno

h = []
for x in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 8, 2, 2, 6]
heapq.heapify(data)
print(data)
print(heapq.heapreplace(data, 5), data, heapq.heappushpop(data, 0), heapq.heappushpop(data, 10), data)
print(sorted(data) == [heapq.heappop(data) for _ in range(len(data))])
pairs = []
for p in [(2, "b"), (1, "z"), (2, "a"), (1, "y")]:
    heapq.heappush(pairs, p)
print([heapq.heappop(pairs) for _ in range(4)])
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, [5, 1, 8, 3, 9]), heapq.nlargest(2, "hello"))
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 8])))
for bad in (lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush((), 1),
            lambda: heapq.heapify(5)):
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)

print(errno.ENOENT, errno.EEXIST, errno.EIO, errno.EINVAL, errno.EAGAIN, errno.EBADF, errno.ENODEV, errno.ENOSPC)
print(errno.EACCES, errno.ENOMEM, errno.ETIMEDOUT, errno.EISDIR, errno.ENOTDIR, errno.ENOTEMPTY, errno.EPERM)
print(errno.errorcode[errno.ENOENT], errno.errorcode[2], errno.ECONNRESET == errno.ECONNRESET, errno.EINPROGRESS)
try:
    raise OSError(errno.ENOENT, "no such thing")
except OSError as e:
    print(e.errno == errno.ENOENT, e.args)
