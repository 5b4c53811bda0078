# mqtt: an MQTT 3.1.1 client, frozen into the firmware. The API follows
# umqtt.simple (connect, publish, subscribe, set_callback, set_last_will,
# wait_msg, check_msg, ping, disconnect); with reconnect=True it also does
# what umqtt.robust does: a lost connection is made again, subscriptions
# are renewed and QoS 1 messages not yet acknowledged are sent again, so
# none is lost when the broker restarts.
import socket
import time


class MQTTException(Exception):
    pass


def _str(b):
    return b if isinstance(b, bytes) else str(b).encode()


def _field(b):
    b = _str(b)
    return bytes((len(b) >> 8, len(b) & 0xFF)) + b


def _length(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | 0x80 if n else byte)
        if not n:
            return bytes(out)


class MQTTClient:
    def __init__(self, client_id, server, port=0, user=None, password=None, keepalive=0, ssl=False, reconnect=False):
        if ssl:
            raise ValueError("TLS is not available on this firmware")
        self.client_id = _str(client_id)
        self.server = server
        self.port = port or 1883
        self.user = user
        self.pswd = password
        self.keepalive = keepalive
        self.robust = reconnect
        self.sock = None
        self.cb = None
        self.pid = 0
        self.lw_topic = None
        self.lw_msg = None
        self.lw_qos = 0
        self.lw_retain = False
        self.subs = []  # (topic, qos), renewed after a reconnect
        self.unacked = {}  # pid -> (topic, msg, retain) of QoS 1 publishes
        self.reconnects = 0
        self.last_io = time.ticks_ms()

    def set_callback(self, f):
        self.cb = f

    def set_last_will(self, topic, msg, retain=False, qos=0):
        if not topic or qos not in (0, 1, 2):
            raise ValueError("bad last will")
        self.lw_topic = _str(topic)
        self.lw_msg = _str(msg)
        self.lw_qos = qos
        self.lw_retain = retain

    # ---- the wire ----

    def _send(self, data):
        self.sock.sendall(data)
        self.last_io = time.ticks_ms()

    def _recv_exact(self, n):
        data = b""
        while len(data) < n:
            part = self.sock.recv(n - len(data))
            if not part:
                raise OSError(-1)  # the broker closed the connection
            data += part
        return data

    def _read_packet(self):
        first = self._recv_exact(1)[0]
        n = 0
        shift = 0
        while True:
            b = self._recv_exact(1)[0]
            n |= (b & 0x7F) << shift
            shift += 7
            if not b & 0x80:
                break
            if shift > 21:
                raise MQTTException("bad remaining length")
        return first, self._recv_exact(n) if n else b""

    def _next_pid(self):
        self.pid = self.pid % 65535 + 1
        return self.pid

    # ---- session ----

    def connect(self, clean_session=True, timeout=None):
        addr = socket.getaddrinfo(self.server, self.port)[0][-1]
        s = socket.socket()
        s.settimeout(timeout if timeout is not None else 10)
        try:
            s.connect(addr)
        except OSError:
            s.close()
            raise
        self.sock = s
        flags = 0x02 if clean_session else 0
        payload = _field(self.client_id)
        if self.lw_topic:
            flags |= 0x04 | self.lw_qos << 3 | (0x20 if self.lw_retain else 0)
            payload += _field(self.lw_topic) + _field(self.lw_msg)
        if self.user is not None:
            flags |= 0x80
            payload += _field(self.user)
            if self.pswd is not None:
                flags |= 0x40
                payload += _field(self.pswd)
        var = b"\x00\x04MQTT\x04" + bytes((flags, self.keepalive >> 8, self.keepalive & 0xFF))
        body = var + payload
        self._send(b"\x10" + _length(len(body)) + body)
        kind, data = self._read_packet()
        if kind != 0x20 or len(data) != 2:
            raise MQTTException("no CONNACK")
        if data[1]:
            raise MQTTException(data[1])  # 4: bad user name or password, 5: not authorised
        s.settimeout(None)
        return data[0] & 1  # session present

    def disconnect(self):
        if self.sock:
            try:
                self._send(b"\xe0\x00")
            except OSError:
                pass
            self.sock.close()
            self.sock = None

    def reconnect(self, attempts=30, delay_ms=200):
        if self.sock:
            self.sock.close()
            self.sock = None
        for _ in range(attempts):
            try:
                self.connect(False)
                self.reconnects += 1
                for topic, qos in self.subs:
                    self._subscribe(topic, qos)
                for pid, (topic, msg, retain) in sorted(self.unacked.items()):
                    self._publish(topic, msg, retain, 1, pid, dup=True)
                return
            except OSError:
                if self.sock:
                    self.sock.close()
                    self.sock = None
                time.sleep_ms(delay_ms)
        raise OSError(113)  # EHOSTUNREACH: the broker stayed away

    def _robust(self, f, *args):
        while True:
            try:
                return f(*args)
            except OSError:
                if not self.robust:
                    raise
                self.reconnect()

    # ---- messages ----

    def ping(self):
        self._robust(self._send, b"\xc0\x00")

    def _publish(self, topic, msg, retain, qos, pid, dup=False):
        topic = _str(topic)
        msg = _str(msg)
        body = _field(topic) + (bytes((pid >> 8, pid & 0xFF)) if qos else b"") + msg
        self._send(bytes((0x30 | qos << 1 | (8 if dup else 0) | (1 if retain else 0),)) + _length(len(body)) + body)

    def publish(self, topic, msg, retain=False, qos=0):
        if qos not in (0, 1):
            raise ValueError("QoS 0 and 1 only")
        if not qos:
            self._robust(self._publish, topic, msg, retain, 0, 0)
            return
        pid = self._next_pid()
        self.unacked[pid] = (topic, msg, retain)
        self._robust(self._publish, topic, msg, retain, 1, pid)
        # Wait for its PUBACK; messages that arrive meanwhile go to the callback.
        while pid in self.unacked:
            self._robust(self._wait)

    def _subscribe(self, topic, qos):
        pid = self._next_pid()
        body = bytes((pid >> 8, pid & 0xFF)) + _field(topic) + bytes((qos,))
        self._send(b"\x82" + _length(len(body)) + body)
        while True:
            kind, data = self._read_packet()
            if kind == 0x90 and data[0] << 8 | data[1] == pid:
                if data[2] == 0x80:
                    raise MQTTException("subscription refused")
                return
            self._dispatch(kind, data)

    def subscribe(self, topic, qos=0):
        if self.cb is None:
            raise MQTTException("subscribe before set_callback")
        topic = _str(topic)
        self._robust(self._subscribe, topic, qos)
        self.subs.append((topic, qos))

    def _dispatch(self, kind, data):
        op = kind & 0xF0
        if op == 0x30:  # PUBLISH
            qos = kind >> 1 & 3
            tl = data[0] << 8 | data[1]
            topic = data[2 : 2 + tl]
            pos = 2 + tl
            if qos:
                pid = data[pos] << 8 | data[pos + 1]
                pos += 2
                self._send(b"\x40\x02" + bytes((pid >> 8, pid & 0xFF)))
            if self.cb:
                self.cb(topic, data[pos:])
            return op
        if op == 0x40:  # PUBACK
            self.unacked.pop(data[0] << 8 | data[1], None)
        return op

    def _wait(self):
        kind, data = self._read_packet()
        return self._dispatch(kind, data)

    def wait_msg(self):
        op = self._robust(self._wait)
        return None if op == 0xD0 else op

    def check_msg(self):
        # A message waits when the socket is readable; a closed connection
        # is readable too, and wait_msg then reconnects (or raises).
        if self.sock is None:
            if not self.robust:
                raise OSError(107)  # ENOTCONN
            self.reconnect()
        if not self.sock.ioctl(3, 1) & 0x19:  # POLLIN, POLLERR, POLLHUP
            return None
        return self.wait_msg()
