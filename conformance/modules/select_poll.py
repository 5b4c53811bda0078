# exp: manual
# select.poll over objects with an ioctl(3, events) method (MicroPython's
# stream protocol) and over the console; there is no CPython oracle for it.
import select
import sys
import time


class Pipe:
    # Readable when it holds data; writable while below its capacity.
    def __init__(self, cap):
        self.data = []
        self.cap = cap
        self.calls = 0

    def ioctl(self, req, arg):
        self.calls += 1
        if req != 3:
            return -1
        ready = 0
        if self.data:
            ready |= select.POLLIN
        if len(self.data) < self.cap:
            ready |= select.POLLOUT
        return ready & arg


print(select.POLLIN, select.POLLOUT, select.POLLERR, select.POLLHUP)
a, b = Pipe(1), Pipe(2)
p = select.poll()
p.register(a, select.POLLIN)
p.register(b)
print(sorted(ev for obj, ev in p.poll(0)))
a.data.append(1)
res = p.poll(0)
print(len(res), [(o is a, ev) for o, ev in res if o is a])
p.modify(b, select.POLLIN)
print([(o is a, ev) for o, ev in p.poll(0)])
p.unregister(a)
print(p.poll(0))
t = time.ticks_ms()
print(p.poll(30), time.ticks_diff(time.ticks_ms(), t) >= 25)
b.data.append(2)
print([ev for o, ev in p.ipoll(0)], [ev for o, ev in p.ipoll(0, 1)], list(p.ipoll(0)))
p.modify(b, select.POLLIN | select.POLLOUT)
print([ev for o, ev in p.ipoll(0)])


class Broken:
    def ioctl(self, req, arg):
        return select.POLLHUP | select.POLLERR


p2 = select.poll()
p2.register(Broken(), select.POLLIN)
print([ev for o, ev in p2.poll()])

# The console: stdout is always writable; stdin has nothing waiting here.
p3 = select.poll()
p3.register(sys.stdout, select.POLLOUT)
p3.register(sys.stdin, select.POLLIN)
print([(o is sys.stdout, ev) for o, ev in p3.poll(0)])

for bad in (lambda: p.register(42), lambda: p.register("x"), lambda: p.unregister(a),
            lambda: p.modify(a, 1)):
    try:
        bad()
        print("no error")
    except (TypeError, KeyError, OSError) as e:
        print(type(e).__name__)
