# http: a small HTTP/1.1 client, frozen into the firmware: get, post and
# request with headers, a body or JSON, and responses sent whole, with a
# Content-Length, or chunked. Plain http:// only (no TLS on this firmware).
import socket


class Response:
    def __init__(self, status_code, reason, headers, content):
        self.status_code = status_code
        self.reason = reason
        self.headers = headers
        self.content = content

    @property
    def text(self):
        return self.content.decode("utf-8")

    def json(self):
        import json

        return json.loads(self.content)

    def close(self):
        pass


def _split_url(url):
    if url.startswith("https://"):
        raise ValueError("https is not available on this firmware")
    if not url.startswith("http://"):
        raise ValueError("unsupported URL: " + url)
    rest = url[7:]
    slash = rest.find("/")
    hostport, path = (rest, "/") if slash < 0 else (rest[:slash], rest[slash:])
    if ":" in hostport:
        host, port = hostport.split(":", 1)
        port = int(port)
    else:
        host, port = hostport, 80
    return host, port, path


class _Reader:
    def __init__(self, sock):
        self.sock = sock
        self.buf = b""

    def _fill(self):
        data = self.sock.recv(512)
        self.buf += data
        return len(data)

    def line(self):
        while b"\r\n" not in self.buf:
            if not self._fill():
                raise OSError("connection closed in the response head")
        i = self.buf.index(b"\r\n")
        out, self.buf = self.buf[:i], self.buf[i + 2 :]
        return out

    def exactly(self, n):
        while len(self.buf) < n:
            if not self._fill():
                raise OSError("connection closed in the response body")
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def rest(self):
        while self._fill():
            pass
        out, self.buf = self.buf, b""
        return out


def request(method, url, data=None, json=None, headers=None, timeout=10):
    host, port, path = _split_url(url)
    if json is not None:
        import json as _json

        data = _json.dumps(json)
        headers = dict(headers or {})
        headers.setdefault("Content-Type", "application/json")
    if isinstance(data, str):
        data = data.encode()
    addr = socket.getaddrinfo(host, port)[0][-1]
    s = socket.socket()
    s.settimeout(timeout)
    try:
        s.connect(addr)
        head = "%s %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n" % (method, path, host)
        for k, v in (headers or {}).items():
            head += "%s: %s\r\n" % (k, v)
        if data is not None:
            head += "Content-Length: %d\r\n" % len(data)
        s.sendall((head + "\r\n").encode())
        if data:
            s.sendall(data)
        r = _Reader(s)
        status = r.line().split(b" ", 2)
        if len(status) < 2 or not status[0].startswith(b"HTTP/"):
            raise ValueError("not an HTTP response")
        code = int(status[1].decode())
        reason = status[2].decode() if len(status) > 2 else ""
        got = {}
        while True:
            line = r.line()
            if not line:
                break
            k, _, v = line.decode().partition(":")
            got[k.strip().lower()] = v.strip()
        if got.get("transfer-encoding", "").lower() == "chunked":
            body = b""
            while True:
                size = int(r.line().split(b";")[0].decode(), 16)
                if size == 0:
                    while r.line():  # trailers end at a blank line
                        pass
                    break
                body += r.exactly(size)
                r.line()  # the CRLF after each chunk
        elif "content-length" in got:
            body = r.exactly(int(got["content-length"]))
        else:
            body = r.rest()
        return Response(code, reason, got, body)
    finally:
        s.close()


def get(url, **kw):
    return request("GET", url, **kw)


def post(url, **kw):
    return request("POST", url, **kw)


def put(url, **kw):
    return request("PUT", url, **kw)


def delete(url, **kw):
    return request("DELETE", url, **kw)
