# socket: the CPython socket API subset MicroPython offers, frozen into the
# firmware, over the board's non-blocking _net core. Blocking calls wait in
# time.sleep_ms, so Ctrl-C reaches a program stuck in recv().
import _net
import time

AF_INET = 2
AF_INET6 = 10
SOCK_STREAM = 1
SOCK_DGRAM = 2
SOCK_RAW = 3
IPPROTO_IP = 0
IPPROTO_TCP = 6
IPPROTO_UDP = 17
SOL_SOCKET = 1
SO_REUSEADDR = 4
TCP_NODELAY = 1

_EAGAIN = 11
_ETIMEDOUT = 110
_ENOTCONN = 107
_POLLIN = 1
_POLLOUT = 4
_POLLERR = 8
_POLLHUP = 16


def getaddrinfo(host, port, af=0, type=0, proto=0, flags=0):
    return [(AF_INET, type or SOCK_STREAM, proto, "", (_net.resolve(host), port))]


def _addr(addr):
    host, port = addr
    return _net.resolve(host) if host else "0.0.0.0", port


class socket:
    def __init__(self, af=AF_INET, type=SOCK_STREAM, proto=0, _handle=None):
        if af != AF_INET:
            raise OSError(97)  # EAFNOSUPPORT: IPv4 only, as lwIP on the ESP8266
        if type not in (SOCK_STREAM, SOCK_DGRAM):
            raise OSError(22)
        self._type = type
        self._h = _net.sock(type) if _handle is None else _handle
        self._timeout = None
        self._closed = False

    def __repr__(self):
        return "<socket state=%d timeout=%s incoming=0 off=0>" % (0 if self._closed else 2, self._timeout)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()

    def _check(self):
        if self._closed:
            raise OSError(9)  # EBADF

    # Waits until [mask] holds or the timeout passes.
    def _wait(self, mask):
        if self._timeout == 0:
            raise OSError(_EAGAIN)
        start = time.ticks_ms()
        while not _net.poll(self._h) & (mask | _POLLERR | _POLLHUP):
            if self._timeout is not None and time.ticks_diff(time.ticks_ms(), start) >= self._timeout * 1000:
                raise OSError(_ETIMEDOUT)
            time.sleep_ms(1)

    def settimeout(self, value):
        if value is not None and value < 0:
            raise ValueError("Timeout value out of range")
        self._timeout = value

    def setblocking(self, flag):
        self._timeout = None if flag else 0

    def setsockopt(self, level, optname, value):
        self._check()  # SO_REUSEADDR and TCP_NODELAY are always on

    def bind(self, addr):
        self._check()
        host, port = addr
        _net.bind(self._h, _net.resolve(host) if host else "0.0.0.0", port)

    def listen(self, backlog=2):
        self._check()
        _net.listen(self._h, backlog)

    def accept(self):
        self._check()
        while True:
            got = _net.accept(self._h)
            if got is not None:
                s = socket(AF_INET, SOCK_STREAM, 0, got[0])
                return s, (got[1], got[2])
            self._wait(_POLLIN)

    def connect(self, addr):
        self._check()
        ip, port = _addr(addr)
        if _net.connect_sock(self._h, ip, port):
            return
        if self._timeout == 0:
            raise OSError(115)  # EINPROGRESS
        self._wait(_POLLOUT)
        if not _net.connect_sock(self._h, ip, port):
            raise OSError(_ETIMEDOUT)

    def send(self, data):
        self._check()
        while True:
            n = _net.send(self._h, data)
            if n is not None:
                return n
            self._wait(_POLLOUT)

    write = send

    def sendall(self, data):
        view = bytes(data)
        while view:
            view = view[self.send(view) :]

    def recv(self, n):
        self._check()
        while True:
            data = _net.recv(self._h, n)
            if data is not None:
                return data
            self._wait(_POLLIN)

    def read(self, n=-1):
        if n >= 0:
            return self.recv(n)
        parts = []
        while True:
            data = self.recv(1024)
            if not data:
                return b"".join(parts)
            parts.append(data)

    def readinto(self, buf, nbytes=None):
        data = self.recv(len(buf) if nbytes is None else nbytes)
        buf[: len(data)] = data
        return len(data)

    def readline(self):
        line = b""
        while not line.endswith(b"\n"):
            c = self.recv(1)
            if not c:
                break
            line += c
        return line

    def sendto(self, data, addr):
        self._check()
        ip, port = _addr(addr)
        while True:
            n = _net.sendto(self._h, data, ip, port)
            if n is not None:
                return n
            self._wait(_POLLOUT)

    def recvfrom(self, n):
        self._check()
        while True:
            got = _net.recvfrom(self._h, n)
            if got is not None:
                return got[0], (got[1], got[2])
            self._wait(_POLLIN)

    def getsockname(self):
        return _net.name(self._h)

    def makefile(self, mode="rb", buffering=0):
        return self

    # The stream poll protocol select.poll uses: ioctl(3, events) returns
    # the events that hold.
    def ioctl(self, request, arg):
        if request == 3:
            if self._closed:
                return _POLLHUP
            return _net.poll(self._h) & (arg | _POLLERR | _POLLHUP)
        if request == 4:
            self.close()
            return 0
        raise OSError(22)

    def close(self):
        if not self._closed:
            self._closed = True
            _net.close(self._h)


error = OSError
