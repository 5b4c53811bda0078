# requires: wifi-virtual
# host: echo
# A TCP client on the board against the rig's echo server: a kilobyte
# round trip, then a receive timeout, then the closed socket's error.
import network
import socket
import time

w = network.WLAN(network.STA_IF)
w.active(True)
w.connect("farm-lab", "pyrite-lab-1")
while w.status() == network.STAT_CONNECTING:
    time.sleep_ms(20)
s = socket.socket()
s.settimeout(5)
s.connect(socket.getaddrinfo(RIG_HOST, RIG_ECHO_PORT)[0][-1])
data = bytes(range(256)) * 4
s.sendall(data)
got = b""
while len(got) < len(data):
    part = s.recv(300)
    if not part:
        break
    got += part
print("echoed", len(got), got == data)
s.settimeout(0.2)
try:
    s.recv(10)
except OSError as e:
    print("timeout errno", e.errno)
s.close()
try:
    s.send(b"x")
except OSError as e:
    print("closed errno", e.errno)
